import semver from 'semver';
import { SkewError } from '../common/errors';
import { commitDate, isShallow, listTags, resolveCommit, tagsPointingAt } from './git';

export type BaselineHow = 'argument' | 'setting' | 'skew.json' | 'deployed-tag' | 'newest-semver-tag';

/** Where an explicit ref came from: the CLI's --against or the editor's skew.baseline setting, which messages name. */
export type AgainstFrom = 'flag' | 'setting';

export interface ResolvedBaseline {
  ref: string;
  commit: string;
  how: BaselineHow;
  /** Committer date, ISO 8601. */
  date: string;
  /** The newest version tag on the same commit, when the ref is not one itself (the tag `deployed`). */
  version?: string;
}

export const DEPLOYED_TAG = 'deployed';

/** Words for "which baseline was picked and why", shared by the CLI log and the editor status. */
export function describeHow(how: BaselineHow): string {
  switch (how) {
    case 'argument':
      return 'given with --against';
    case 'setting':
      return 'from the skew.baseline setting';
    case 'skew.json':
      return 'from "baseline" in skew.json';
    case 'deployed-tag':
      return `picked the tag \`${DEPLOYED_TAG}\``;
    case 'newest-semver-tag':
      return 'picked the newest version tag';
  }
}

/**
 * `--against REF` → `baseline` in skew.json → the tag `deployed` → the newest semver tag. An explicit ref that
 * does not exist is an error rather than a silent fallback: comparing against the wrong version hides breaks.
 */
export async function resolveBaseline(cwd: string, opts: { against?: string; againstFrom?: AgainstFrom; configBaseline?: string }): Promise<ResolvedBaseline> {
  if (opts.against) return resolveExplicit(cwd, opts.against, opts.againstFrom === 'setting' ? 'setting' : 'argument');
  if (opts.configBaseline) return resolveExplicit(cwd, opts.configBaseline, 'skew.json');
  const deployed = await resolveCommit(cwd, `refs/tags/${DEPLOYED_TAG}`);
  if (deployed) return withDate(cwd, { ref: DEPLOYED_TAG, commit: deployed, how: 'deployed-tag' });
  const tags = await listTags(cwd);
  const newest = newestSemverTag(tags);
  if (newest) {
    const commit = await resolveCommit(cwd, `refs/tags/${newest}`);
    if (commit) return withDate(cwd, { ref: newest, commit, how: 'newest-semver-tag' });
  }
  const shallow = await isShallow(cwd);
  throw new SkewError(
    'no-baseline',
    `no baseline to compare against: no tag \`${DEPLOYED_TAG}\` and no version tag${tags.length ? '' : 's at all'}` +
      `; tag the deployed commit (git tag ${DEPLOYED_TAG} <commit>), set "baseline" in skew.json, or pass --against REF` +
      (tags.length ? '' : shallow ? ' (this is a shallow clone: run git fetch --tags --unshallow)' : ' (or run git fetch --tags)'),
  );
}

export async function resolveExplicit(cwd: string, ref: string, how: BaselineHow): Promise<ResolvedBaseline> {
  const where = how === 'argument' ? '--against' : how === 'setting' ? 'the skew.baseline setting' : '"baseline" in skew.json';
  // Control characters (NUL above all, which cannot even be passed to git) are never part of a ref. A ref too
  // long for the system's argument limit is caught when git is started (E2BIG, see translate in git.ts).
  if (/[\u0000-\u001f\u007f]/.test(ref)) {
    // The ref is quoted as it is: every edge (CLI line, editor message) makes text printable itself.
    throw new SkewError('ref-not-found', `the baseline \`${ref}\` (${where}) is not a ref name: it holds control characters; give a tag, branch or commit id`);
  }
  const commit = await resolveCommit(cwd, ref);
  if (commit) return withDate(cwd, { ref, commit, how });
  if (ref.startsWith('-')) {
    // git would read the bare name as an option, so resolveCommit never passes it; the full name is safe.
    for (const full of [`refs/tags/${ref}`, `refs/heads/${ref}`]) {
      if (await resolveCommit(cwd, full)) {
        throw new SkewError('ref-not-found', `baseline ref \`${ref}\` (${where}) starts with "-", which git reads as an option: write it as \`${full}\``);
      }
    }
  }
  const shallow = await isShallow(cwd);
  throw new SkewError(
    'ref-not-found',
    `baseline ref \`${ref}\` (${where}) was not found in this repository: check the name, or run git fetch --tags` +
      (shallow ? '; this is a shallow clone, so older commits may be missing: run git fetch --unshallow --tags' : ''),
  );
}

export async function withDate(cwd: string, b: Omit<ResolvedBaseline, 'date'>): Promise<ResolvedBaseline> {
  const [date, tags] = await Promise.all([commitDate(cwd, b.commit), tagsPointingAt(cwd, b.commit)]);
  const version = newestSemverTag(tags.filter((t) => t !== b.ref));
  return version ? { ...b, date, version } : { ...b, date };
}

/** The tag with the highest semantic version; tags such as `v1.4` are coerced, non-version tags ignored. */
export function newestSemverTag(tags: readonly string[]): string | undefined {
  const versioned: { tag: string; version: string; exact: boolean }[] = [];
  for (const tag of tags) {
    const exact = semver.valid(tag);
    const version = versionOfTag(tag);
    if (version) versioned.push({ tag, version, exact: exact !== null });
  }
  versioned.sort((a, b) => semver.rcompare(a.version, b.version) || Number(b.exact) - Number(a.exact) || a.tag.localeCompare(b.tag));
  return versioned[0]?.tag;
}

/** The semantic version a tag names (`v1.4` → 1.4.0), or undefined for a tag that is not a version. */
export function versionOfTag(tag: string): string | undefined {
  // coerce() finds a version in any text ("build-7" → 7.0.0); only accept tags that start like a version.
  return semver.valid(tag) ?? (/^v?\d+(\.\d+)*([-+].*)?$/.test(tag) ? semver.coerce(tag, { includePrerelease: true })?.version : undefined);
}
