import picomatch from 'picomatch';
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
    const pathMatches = e.path ? picomatch(e.path, { dot: true }) : undefined;
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
