import { memberAt } from '../contracts/member-spans';
import { needsParensInUnion, unionVariantsOf, valueTypeAt } from '../contracts/type-spans';
import { referencedTypeNames } from '../contracts/type-names';
import type { ParsedFile, Span } from '../contracts/parsed-file';
import type { Finding } from '../rules';
import type { ModelPair } from '../engine/shape';
import { baselineParty, lastStep } from './finding-path';
import { code, missingNames, newFile, oldFile } from './locate';
import { requote } from './member-text';
import { styleOf } from './style';
import { editAt } from './text-edits';
import type { FixProvider } from './types';
import { safeFix } from './safe-fix';

const TOP_TYPES = new Set(['any', 'unknown']);

/** Whitespace and quotes do not make two spellings of a type different. */
const normal = (text: string) => text.replace(/\s+/g, '').replace(/"/g, "'").replace(/[;,]}/g, '}');

function variantsOf(parsed: ParsedFile, span: Span): string[] {
  return (unionVariantsOf(parsed, span) ?? [{ text: parsed.text.slice(span.start, span.end) }]).map((v) => v.text);
}

const asVariant = (text: string) => (needsParensInUnion(text) ? `(${text})` : text);

/** A named type the baseline text refers to that means something else now: the widened text would lie. */
function changedNames(text: string, models: ModelPair | undefined): string[] {
  if (!models) return [];
  const strip = (v: unknown) => JSON.stringify(v, (key, value: unknown) => (key === 'loc' || key === 'suppressions' ? undefined : value));
  return referencedTypeNames(`x: ${text}`).filter((name) => {
    const before = models.baseline.types[name];
    const after = models.working.types[name];
    return before && after && strip(before.shape) !== strip(after.shape);
  });
}

/**
 * Widening only changes what this version accepts, so it helps exactly when the only broken direction is the
 * one where this version reads: a message or request written by the baseline, or a result the baseline serves.
 */
function wideningHelps(finding: Finding): boolean {
  const readsHere = finding.flow === 'result' ? 'new-to-old' : 'old-to-new';
  return finding.breaks.length === 1 && finding.breaks[0] === readsHere;
}

/** A value whose type changed accepts the union of the old and new types, when that is readable both ways. */
export const widenType: FixProvider = (finding, input) => {
  if (!finding.loc || !finding.baselineLoc) return undefined;
  const segment = lastStep(finding);
  const target = newFile(input, finding.loc.file);
  const old = oldFile(input, finding.baselineLoc);
  const member = target && memberAt(target, finding.loc.range);
  const name = segment.via === 'result' ? `${member?.name ?? finding.path}(result)` : (member?.name ?? segment.name);
  const title = `Widen the type of ${code(name)}`;
  if (!wideningHelps(finding)) {
    const readers = `${input.baselineLabel} ${baselineParty(finding, 'readers')}`;
    const reason =
      finding.breaks.length === 2
        ? `No widening helps: ${readers} cannot read what this version writes, and a wider type only changes what this version accepts. Keep the old type and carry the new one under a new name (expand, then contract).`
        : `No widening helps: the break is in what this version writes, which ${readers} cannot read; only a type they can read fixes it.`;
    return { title, reason };
  }
  const what = segment.via === 'result' ? 'result' : 'member';
  const newSpan = target && valueTypeAt(target, finding.loc.range, what);
  const oldSpan = old && valueTypeAt(old, finding.baselineLoc.range, what);
  if (!target || !old || !newSpan || !oldSpan) return { title, reason: `The type of ${code(name)} is not written out in both versions; widen it by hand.` };

  const style = styleOf(target);
  const newText = target.text.slice(newSpan.start, newSpan.end);
  const oldText = requote(old.text.slice(oldSpan.start, oldSpan.end), style.quote);
  let edit;
  let widened: string;
  if (TOP_TYPES.has(oldText.trim())) {
    // `T | unknown` is just `unknown`: say so rather than write a union that reads as narrower than it is.
    widened = oldText.trim();
    edit = editAt(target, newSpan.start, newSpan.end, widened);
  } else {
    const present = new Set(variantsOf(target, newSpan).map(normal));
    const added = variantsOf(old, oldSpan)
      .map((v) => requote(v, style.quote))
      .filter((v) => !present.has(normal(v)));
    if (added.length === 0) return { title, reason: `${code(newText)} already includes every baseline variant; the change is inside a variant.` };
    const head = unionVariantsOf(target, newSpan) ? newText : asVariant(newText);
    widened = [head, ...added.map(asVariant)].join(' | ');
    edit = editAt(target, newSpan.start, newSpan.end, widened);
  }
  const missing = missingNames(target, `x: ${oldText}`);
  if (missing.length) return { title, reason: `Widening needs ${missing.map(code).join(', ')}, which ${target.file} does not import.` };
  const changed = changedNames(oldText, input.models);
  if (changed.length) return { title, reason: `${changed.map(code).join(', ')} changed too, so the baseline's ${code(oldText)} cannot be written here; widen by hand.` };
  const writers = `${input.baselineLabel} ${baselineParty(finding, 'writers')}`;
  return [safeFix(finding, `Widen ${code(name)} to ${code(widened)} so this version still reads what ${writers} send`, [edit])];
};
