import { schemaPropertyAt } from '../contracts/member-spans';
import type { Finding } from '../rules';
import { baselineParty, lastStep } from './finding-path';
import { code, newFile } from './locate';
import { safeFix } from './safe-fix';
import { editAt } from './text-edits';
import type { Fix, FixInput, NoFix } from './types';

type Library = 'zod3' | 'zod4' | 'zod-mini' | 'valibot';

/**
 * A schema field the baseline does not write becomes optional the way its library spells it: zod's
 * `.optional()` method, or valibot's (and zod mini's) `optional(...)` wrapper with the namespace the field
 * already uses (`v.optional(v.number())`).
 */
export function optionalSchemaField(finding: Finding, input: FixInput, library: Library): Fix[] | NoFix {
  const { name } = lastStep(finding);
  const parsed = finding.loc && newFile(input, finding.loc.file);
  const member = parsed && finding.loc && schemaPropertyAt(parsed, finding.loc.range);
  if (!parsed || !member?.initializer || member.name !== name) return { reason: `Cannot find the schema field ${code(name)} in ${finding.loc?.file ?? 'this version'}.` };
  const { start, end } = member.initializer;
  const verb = finding.rule.endsWith('made-required') ? 'Keep' : 'Make';
  const title = `${verb} ${code(name)} optional so ${input.baselineLabel} ${baselineParty(finding, 'writers')} stay valid`;
  if (library === 'zod3' || library === 'zod4') return [safeFix(finding, title, [editAt(parsed, end, end, '.optional()')])];
  const namespace = /^([A-Za-z_$][\w$]*)\s*\./.exec(parsed.text.slice(start, end))?.[1];
  if (!namespace) return { reason: `${code(name)} is not written as \`namespace.schema(...)\`, so Skew cannot tell how \`optional\` is imported.` };
  return [safeFix(finding, title, [editAt(parsed, start, start, `${namespace}.optional(`), editAt(parsed, end, end, ')')])];
}
