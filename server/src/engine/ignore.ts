import type { IgnoreEntry } from '../common/source';
import type { Finding } from './finding';

export type IgnoreMatcher = (finding: Finding) => { reason: string } | undefined;

/**
 * skew.json `ignore`: a rule id silences that rule everywhere; any other string is a glob over finding paths
 * (`OrderCreated.*`); an object narrows both (`{ "rule": "field-removed", "path": "Order.legacy*" }`).
 */
export function ignoreMatcher(entries: readonly IgnoreEntry[], ruleIds: ReadonlySet<string>): IgnoreMatcher {
  const tests = entries.map((entry) => {
    const e = typeof entry === 'string' ? (ruleIds.has(entry) ? { rule: entry } : { path: entry }) : entry;
    const pathMatches = e.path ? pathGlob(e.path) : undefined;
    const reason = e.reason ?? 'ignored in skew.json';
    return (f: Finding) =>
      (!e.rule || e.rule === f.rule) && (!pathMatches || pathMatches(f.path) || pathMatches(f.contract)) ? reason : undefined;
  });
  return (finding) => {
    for (const test of tests) {
      const reason = test(finding);
      if (reason !== undefined) return { reason };
    }
    return undefined;
  };
}

/**
 * A glob over rendered finding paths: `*` (or `**`) is any run of characters and `?` any one; everything else is
 * itself. Paths are not file paths: `[]`, `(result)` and quoted keys (`["io.mcp/version"]`) are written as
 * they are shown, so brackets, parentheses, quotes and `/` must not act as glob syntax.
 */
export function pathGlob(glob: string): (path: string) => boolean {
  const source = glob
    .split(/(\*+|\?)/)
    .map((part) => (part.startsWith('*') ? '.*' : part === '?' ? '.' : part.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&')))
    .join('');
  const re = new RegExp(`^${source}$`, 'su');
  return (path) => re.test(path);
}
