import type { Finding } from '../rules';
import type { Fix, FixEdit } from './types';

/** A quick fix for `finding` that fix-all may apply: every fix kind except suppression is one. */
export function safeFix(finding: Finding, title: string, edits: FixEdit[], options: { isPreferred?: boolean } = {}): Fix {
  return { title, rule: finding.rule, kind: 'quickfix', safe: true, ...(options.isPreferred ? { isPreferred: true } : {}), edits };
}
