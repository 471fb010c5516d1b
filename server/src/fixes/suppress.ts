import { ownLineMemberAt } from '../contracts/member-spans';
import { offsetOf, type ParsedFile } from '../contracts/parsed-file';
import type { Finding } from '../rules';
import { code, newFile } from './locate';
import { indentAt, lineEndOf, lineStartOf } from './style';
import { editAt } from './text-edits';
import type { Fix, FixEdit, FixInput, NoFix } from './types';
import { itemAt } from '../common/item-at';

/** Where the cursor lands: the reason is the one thing the user must write. */
const CURSOR = '$0';

const IGNORE_LINE = /^\s*\/\/\s*skew-ignore\s+([A-Za-z0-9_-]+)\s*(:\s*(.*?))?\s*$/;

/** A `skew-ignore` comment without a reason (the finding points at it) gets its reason, cursor placed there. */
export function completeSuppressionReason(finding: Finding, input: FixInput): Fix[] | undefined {
  if (!finding.loc) return undefined;
  const parsed = newFile(input, finding.loc.file);
  if (!parsed) return undefined;
  const text = parsed.text;
  const start = offsetOf(parsed, finding.loc.range.start);
  const end = lineEndOf(text, start);
  const match = IGNORE_LINE.exec(text.slice(lineStartOf(text, start), end));
  if (!match) return undefined;
  const rule = itemAt(match, 1);
  return [reasonFix(finding, completeReason(parsed, lineStartOf(text, start), end, rule), `Add a reason to \`skew-ignore ${rule}\``)];
}

/**
 * `// skew-ignore <rule>: <reason>` on the line above the member the finding points at, with the cursor at the
 * reason. A reason-less comment for the same rule already there gets its reason instead of a second line.
 * Never safe: only a person can say why a break does not matter.
 */
export function suppressFix(finding: Finding, input: FixInput): Fix[] | NoFix | undefined {
  if (!finding.loc) return { title: 'Suppress with a reason', reason: 'The contract is gone from this version; ignore it in skew.json instead.' };
  const parsed = newFile(input, finding.loc.file);
  if (!parsed) return undefined;
  const text = parsed.text;

  const member = ownLineMemberAt(parsed, finding.loc.range);
  if (!member) return { title: 'Suppress with a reason', reason: `Nothing in ${finding.loc.file} starts its own line here to put a comment above.` };
  const lineStart = lineStartOf(text, member.fullStart);
  // An existing `skew-ignore <rule>` without a reason above the member: complete it rather than stack another.
  for (let at = lineStart; at > 0; ) {
    const prevStart = lineStartOf(text, at - 1);
    const prevEnd = lineEndOf(text, prevStart);
    const match = IGNORE_LINE.exec(text.slice(prevStart, prevEnd));
    if (!match) break;
    if (match[1] === finding.rule && !match[3]) {
      return [reasonFix(finding, completeReason(parsed, prevStart, prevEnd, finding.rule), `Add a reason to \`skew-ignore ${finding.rule}\``)];
    }
    at = prevStart;
  }
  const indent = indentAt(text, member.start);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edit = editAt(parsed, lineStart, lineStart, `${indent}// skew-ignore ${finding.rule}: ${CURSOR}${eol}`);
  return [reasonFix(finding, edit, `Suppress ${code(finding.rule)} for ${code(member.name)} with a reason`)];
}

/** Replaces whatever follows the rule id on a `skew-ignore` line (nothing, or a bare colon) with `: <cursor>`. */
function completeReason(parsed: ParsedFile, lineStart: number, lineEnd: number, rule: string): FixEdit {
  const line = parsed.text.slice(lineStart, lineEnd);
  const afterRule = lineStart + line.indexOf(rule, line.indexOf('skew-ignore')) + rule.length;
  return editAt(parsed, afterRule, lineEnd, `: ${CURSOR}`);
}

function reasonFix(finding: Finding, edit: FixEdit, title: string): Fix {
  return { title, rule: finding.rule, kind: 'quickfix', safe: false, snippet: true, edits: [edit] };
}

/** The snippet text as plain text, for clients without snippet support (the reason is left to type). */
export const withoutSnippet = (text: string): string => text.split(CURSOR).join('');
