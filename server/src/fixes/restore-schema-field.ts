import { schemaPropertyAt } from '../contracts/member-spans';
import { schemaObjectLiteralAt } from '../contracts/schema-object-literal';
import type { Finding } from '../rules';
import { baselineParty } from './finding-path';
import { code, newFile, oldFile } from './locate';
import { requote } from './member-text';
import { readerObjectAt } from './schema-object-at';
import { safeFix } from './safe-fix';
import { indentAt, styleOf } from './style';
import { editAt } from './text-edits';
import type { Fix, FixInput, NoFix } from './types';

type Library = 'zod3' | 'zod4' | 'zod-mini' | 'valibot';

/**
 * A field removed from a schema that baseline readers require comes back as the baseline wrote it, made
 * optional the library's way and marked `@deprecated`, at the end of the object's fields.
 */
export function restoreSchemaField(finding: Finding, input: FixInput, library: Library): Fix[] | NoFix {
  const old = finding.baselineLoc && oldFile(input, finding.baselineLoc);
  const oldMember = old && finding.baselineLoc && schemaPropertyAt(old, finding.baselineLoc.range);
  if (!old || !oldMember?.initializer) return { reason: 'The removed field cannot be found in the baseline.' };
  const object = input.models && readerObjectAt(input.models.working, finding.contract, finding.steps.slice(0, -1));
  const target = object?.policyLoc && newFile(input, object.policyLoc.file);
  const literal = target && object?.policyLoc && schemaObjectLiteralAt(target, object.policyLoc.range);
  const last = literal?.properties[literal.properties.length - 1];
  if (!target || !literal || !last) return { reason: `Cannot find where ${code(finding.path)}'s object is built in this version; restore ${code(oldMember.name)} by hand.` };
  const init = old.text.slice(oldMember.initializer.start, oldMember.initializer.end);
  let optional: string;
  if (library === 'zod3' || library === 'zod4') optional = `${init}.optional()`;
  else {
    const namespace = /^([A-Za-z_$][\w$]*)\s*\./.exec(init)?.[1];
    if (!namespace) return { reason: `${code(oldMember.name)} is not written as \`namespace.schema(...)\`; restore it by hand.` };
    optional = `${namespace}.optional(${init})`;
  }
  const style = styleOf(target);
  const readers = `${input.baselineLabel} ${baselineParty(finding, 'readers')}`;
  const doc = `/** @deprecated still required by ${readers}; remove once none is left */`;
  const field = requote(`${old.text.slice(oldMember.nameSpan.start, oldMember.nameSpan.end)}: ${optional}`, style.quote);
  const text = target.text;
  const lastEnd = last.getEnd();
  const comma = /^[ \t]*,/.exec(text.slice(lastEnd));
  const multiline = text.slice(literal.getStart(target.source), last.getStart(target.source)).includes('\n');
  let insert: string;
  if (multiline) {
    const indent = indentAt(text, last.getStart(target.source));
    insert = `${comma ? '' : ','}${style.eol}${indent}${doc}${style.eol}${indent}${field}${comma ? ',' : ''}`;
  } else {
    insert = `${comma ? '' : ','} ${doc} ${field}${comma ? ',' : ''}`;
  }
  const at = comma ? lastEnd + comma[0].length : lastEnd;
  return [safeFix(finding, `Restore ${code(oldMember.name)} (optional, deprecated) so ${readers} can still get it`, [editAt(target, at, at, insert)])];
}
