import type { Finding } from '../rules';
import { offsetOf } from '../contracts/parsed-file';
import { code, newFile } from './locate';
import { baselineParty } from './finding-path';
import { readerObjectAt } from './schema-object-at';
import { safeFix } from './safe-fix';
import { editAt } from './text-edits';
import type { FixProvider } from './types';

const TITLE = 'Make the reader tolerant of keys it does not declare';

/** The tolerant constructor for a strict one, per library: zod 3 has no loose object function, its plain object strips. */
const TOLERANT: Record<string, string> = { zod4: 'looseObject', 'zod-mini': 'looseObject', valibot: 'looseObject', zod3: 'object' };

/**
 * A strict schema object in this version refuses a key the baseline still sends: build it tolerant instead
 * (`z.strictObject` → `z.looseObject`, valibot `v.strictObject` → `v.looseObject`, `.strict()` removed). It helps
 * only where this version reads; a strict deployed reader cannot be changed from here.
 */
export const makeReaderTolerant: FixProvider = (finding, input) => {
  const readsHere = finding.flow === 'result' ? 'new-to-old' : 'old-to-new';
  if (!finding.breaks.includes(readsHere)) {
    return {
      title: TITLE,
      reason: `The strict reader is ${input.baselineLabel}'s, which this version cannot change: ship a reader that tolerates the key first, and send it in a later release.`,
    };
  }
  const model = input.models?.working;
  const library = model?.contracts[finding.contract]?.schema?.library;
  if (!model || !library) return { title: TITLE, reason: `${code(finding.contract)} is not read by a schema Skew can edit.` };
  const object = readerObjectAt(model, finding.contract, objectSteps(finding));
  const at = object?.policyLoc;
  if (!object || object.policy !== 'strict' || !at) return { title: TITLE, reason: `Cannot find where the strict object at ${code(finding.path)} is built.` };
  const parsed = newFile(input, at.file);
  if (!parsed) return undefined;
  const start = offsetOf(parsed, at.range.start);
  const end = offsetOf(parsed, at.range.end);
  const name = parsed.text.slice(start, end);
  const who = `${input.baselineLabel} ${baselineParty(finding, 'writers')}`;
  if (name === 'strictObject') {
    const tolerant = TOLERANT[library]!;
    return [safeFix(finding, `Build it with ${code(tolerant)} so ${who} that send keys it does not declare are read`, [editAt(parsed, start, end, tolerant)])];
  }
  if (name === 'strict' && library !== 'valibot') {
    // `.strict()` with what surrounds it: the dot before (possibly on the line above) and the empty call after.
    const before = /\s*\.\s*$/.exec(parsed.text.slice(0, start));
    const after = /^\s*\(\s*\)/.exec(parsed.text.slice(end));
    if (!before || !after) return { title: TITLE, reason: `Cannot remove \`.strict(...)\` at ${at.file}:${at.range.start.line + 1}.` };
    return [safeFix(finding, `Remove \`.strict()\` so ${who} that send keys it does not declare are read`, [editAt(parsed, start - before[0].length, end + after[0].length, '')])];
  }
  return { title: TITLE, reason: `Cannot make \`${name}\` tolerant in place.` };
};

/** A field's finding is about its parent object; an index-signature finding is about the object itself. */
function objectSteps(finding: Finding) {
  const last = finding.steps[finding.steps.length - 1];
  return last?.kind === 'field' ? finding.steps.slice(0, -1) : finding.steps;
}
