import { memberAt } from '../contracts/member-spans';
import { needsParensInUnion, unionAt, valueTypeAt } from '../contracts/type-spans';
import { baselineParty, lastStep } from './finding-path';
import { code, missingNames, newFile, oldFile } from './locate';
import { requote } from './member-text';
import { indentAt, styleOf } from './style';
import { editAt } from './text-edits';
import type { FixProvider } from './types';
import { safeFix } from './safe-fix';
import { itemAt } from '../common/item-at';

/** Whitespace, quotes and trailing separators do not make two spellings of a variant different. */
const normal = (text: string) => text.replace(/\s+/g, '').replace(/"/g, "'").replace(/[;,]}/g, '}');

/** Removed union variants come back (appended to the union), so values old writers still send are accepted. */
export const restoreVariant: FixProvider = (finding, input) => {
  if (!finding.loc || !finding.baselineLoc) return undefined;
  const target = newFile(input, finding.loc.file);
  const old = oldFile(input, finding.baselineLoc);
  const segment = lastStep(finding);
  const what = segment.via === 'result' ? 'result' : 'member';
  const member = target && memberAt(target, finding.loc.range);
  // A path ending in `[]` or `[key]` points inside the member's type; the member's own union is not the one.
  if (member && segment.via === 'other' && segment.name !== member.name) return { reason: 'The union is nested inside the type; restore the variant by hand.' };
  const newSpan = target && valueTypeAt(target, finding.loc.range, what);
  const oldSpan = old && valueTypeAt(old, finding.baselineLoc.range, what);
  const newUnion = target && newSpan && unionAt(target, newSpan);
  const oldUnion = old && oldSpan && unionAt(old, oldSpan);
  if (!target || !newUnion || !oldUnion) return { reason: 'Cannot find the union in both versions.' };
  const style = styleOf(target);
  const present = new Set(newUnion.variants.map((v) => normal(v.text)));
  const missing = oldUnion.variants.map((v) => requote(v.text, style.quote)).filter((t) => !present.has(normal(t)));
  if (missing.length === 0) return { reason: 'Every baseline variant is still spelled out; the change is inside a variant.' };
  const unknown = missingNames(target, `x: ${missing.join(' | ')}`);
  if (unknown.length) return { reason: `Restoring needs ${unknown.map(code).join(', ')}, which ${target.file} does not import.` };

  const [first, second] = newUnion.variants;
  const last = itemAt(newUnion.variants, newUnion.variants.length - 1);
  // A union written one variant per line (`\n  | { … }`) gets its new variants on lines of their own too.
  const onOwnLines = first && second && target.text.slice(first.end, second.start).includes('\n');
  const joiner = onOwnLines ? style.eol + indentAt(target.text, second.start) + '| ' : ' | ';
  const asVariant = (t: string) => (needsParensInUnion(t) ? `(${t})` : t);
  const edit = editAt(target, last.end, last.end, missing.map((t) => joiner + asVariant(t)).join(''));
  const writers = `${input.baselineLabel} ${baselineParty(finding, 'writers')}`;
  const names = missing.map(code);
  const listed = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names.join('');
  return [safeFix(finding, `Restore ${listed} so what ${writers} still send is accepted`, [edit])];
};
