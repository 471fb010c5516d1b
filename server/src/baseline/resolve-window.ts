import picomatch from 'picomatch';
import semver from 'semver';
import { SkewError } from '../common/errors';
import { listTags, resolveCommit, tagsMergedIntoHead } from './git';
import { resolveBaseline, resolveExplicit, versionOfTag, withDate, type AgainstFrom, type BaselineHow, type ResolvedBaseline } from './resolve-baseline';

/** A ref list entry naming many tags at once: `deploy/*`, `v1.*`. */
export const isTagGlob = (spec: string): boolean => /[*?[\]{}]/.test(spec);

const tagMatcher = (glob: string): ((tag: string) => boolean) => {
  const match = picomatch(glob, { dot: true });
  return (tag) => match(tag);
};

/** Where a list of refs came from, in the words of its error messages. */
const WHERE: Record<Exclude<BaselineHow, 'deployed-tag' | 'newest-semver-tag'>, string> = {
  argument: '--against',
  setting: 'the skew.baseline setting',
  'skew.json': '"baseline" in skew.json',
};

/**
 * Every live version: `--against` (repeatable) or the setting → `baseline` in skew.json → the single default
 * baseline. Each entry is a ref or a tag glob; a glob stands for every tag it matches, newest version first.
 * A ref named twice (or matched by two globs) is live once. Versions on the same commit stay separate entries
 * (each is a name people deploy by), but the session reads that commit once.
 */
export async function resolveWindow(
  cwd: string,
  opts: { against?: readonly string[]; againstFrom?: AgainstFrom; configBaseline?: readonly string[] },
): Promise<ResolvedBaseline[]> {
  const explicit = opts.against?.filter((s) => s.trim()).map((s) => s.trim());
  const [specs, how]: [readonly string[] | undefined, keyof typeof WHERE] = explicit?.length
    ? [explicit, opts.againstFrom === 'setting' ? 'setting' : 'argument']
    : [opts.configBaseline, 'skew.json'];
  if (!specs?.length) return [await resolveBaseline(cwd, {})];
  const window: ResolvedBaseline[] = [];
  const seen = new Set<string>();
  let tags: string[] | undefined;
  for (const spec of specs) {
    if (!isTagGlob(spec)) {
      if (seen.has(spec)) continue;
      seen.add(spec);
      window.push(await resolveExplicit(cwd, spec, how));
      continue;
    }
    tags ??= await listTags(cwd);
    const matched = sortByVersion(tags.filter(tagMatcher(spec)));
    if (!matched.length) {
      throw new SkewError('ref-not-found', `no tag matches \`${spec}\` (${WHERE[how]}): check the pattern, or run git fetch --tags`);
    }
    for (const tag of matched) {
      if (seen.has(tag)) continue;
      seen.add(tag);
      const commit = await resolveCommit(cwd, `refs/tags/${tag}`);
      if (commit) window.push(await withDate(cwd, { ref: tag, commit, how }));
    }
  }
  return window;
}

/**
 * The versions whose data may still be read: every tag HEAD reaches that was cut at or after `since` (a ref),
 * or every tag HEAD reaches that matches `since` (a tag glob). Oldest first.
 */
export async function resolvePersistedRange(cwd: string, since: string): Promise<ResolvedBaseline[]> {
  let tags: string[];
  if (isTagGlob(since)) {
    tags = (await tagsMergedIntoHead(cwd)).filter(tagMatcher(since));
  } else {
    const commit = await resolveCommit(cwd, since);
    if (!commit) throw new SkewError('ref-not-found', `"persisted.since" in skew.json names \`${since}\`, which is not in this repository: check the name, or run git fetch --tags`);
    tags = await tagsMergedIntoHead(cwd, commit);
  }
  // One entry per commit: `deployed` and `v1.2.0` on one commit are one version of the data, named by its version.
  const byCommit = new Map<string, string[]>();
  for (const tag of tags) {
    const commit = await resolveCommit(cwd, `refs/tags/${tag}`);
    if (commit) byCommit.set(commit, [...(byCommit.get(commit) ?? []), tag]);
  }
  const range: ResolvedBaseline[] = [];
  for (const [commit, names] of byCommit) range.push(await withDate(cwd, { ref: sortByVersion(names)[0]!, commit, how: 'skew.json' }));
  return range.sort(oldestFirst);
}

/** Newest version first; tags that are not versions after them, by name. */
export function sortByVersion(tags: readonly string[]): string[] {
  const keyed = tags.map((tag) => ({ tag, version: versionOfTag(tag) }));
  return keyed
    .sort((a, b) => {
      if (a.version && b.version) return semver.rcompare(a.version, b.version) || a.tag.localeCompare(b.tag);
      if (a.version || b.version) return a.version ? -1 : 1;
      return a.tag.localeCompare(b.tag);
    })
    .map((k) => k.tag);
}

/** By version (the ref's own, else the version tag on its commit), then by commit date. */
export function oldestFirst(a: ResolvedBaseline, b: ResolvedBaseline): number {
  const va = versionOfTag(a.ref) ?? (a.version && versionOfTag(a.version));
  const vb = versionOfTag(b.ref) ?? (b.version && versionOfTag(b.version));
  if (va && vb && semver.neq(va, vb)) return semver.compare(va, vb);
  return a.date.localeCompare(b.date) || a.ref.localeCompare(b.ref);
}

/** "deploy/eu (v1.4.0)": the ref, then the version it runs when the ref is not a version itself. */
export function liveLabel(b: Pick<ResolvedBaseline, 'ref' | 'commit' | 'version'>): string {
  if (versionOfTag(b.ref)) return b.ref;
  return `${b.ref} (${b.version ?? b.commit.slice(0, 7)})`;
}
