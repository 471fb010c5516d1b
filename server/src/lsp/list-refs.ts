import * as semver from 'semver';
import { git } from '../baseline/git';
import type { RefItem } from '../shared/protocol';

const FORMAT = '%(refname:short)%00%(objectname:short)%00%(*objectname:short)';

async function readRefs(cwd: string, namespace: string): Promise<{ name: string; commit: string }[]> {
  // Newest first by date; tags are re-sorted by version below, and this order stays for the rest.
  const out = await git(cwd, ['for-each-ref', '--sort=-creatordate', `--format=${FORMAT}`, namespace]);
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [name = '', object = '', peeled = ''] = line.split('\0');
      // An annotated tag names a tag object; the commit is the peeled one.
      return { name, commit: peeled || object };
    });
}

const versionOf = (tag: string): string | null => semver.valid(semver.clean(tag, { loose: true }));

/** Semver tags newest version first, then the other tags newest first. */
export function sortTags<T extends { name: string }>(tags: T[]): T[] {
  const versioned = tags.filter((t) => versionOf(t.name)).sort((a, b) => semver.rcompare(versionOf(a.name)!, versionOf(b.name)!));
  return [...versioned, ...tags.filter((t) => !versionOf(t.name))];
}

/** Tags (newest first) then local branches (most recently committed first). Throws SkewError without git. */
export async function listRefs(cwd: string): Promise<RefItem[]> {
  const [tags, branches] = await Promise.all([readRefs(cwd, 'refs/tags'), readRefs(cwd, 'refs/heads')]);
  return [
    ...sortTags(tags).map((t): RefItem => ({ ...t, kind: 'tag' })),
    ...branches.map((b): RefItem => ({ ...b, kind: 'branch' })),
  ];
}
