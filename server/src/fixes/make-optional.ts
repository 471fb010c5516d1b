import { parameterListAt } from '../contracts/container-spans';
import { schemaEntryAt } from '../contracts/schema-entry';
import { baselineParty } from './finding-path';
import { code, fieldOrParameterOf, newFile } from './locate';
import { lastStep } from './finding-path';
import { editAt } from './text-edits';
import type { FixProvider } from './types';
import { safeFix } from './safe-fix';
import { optionalSchemaField } from './optional-schema-field';


/** A required field or parameter the baseline does not write becomes optional again: `currency?: string`. */
export const makeOptional: FixProvider = (finding, input) => {
  if (!finding.loc) return undefined;
  const library = input.models?.working.contracts[finding.contract]?.schema?.library;
  if (library) return optionalSchemaField(finding, input, library);
  const schemaFix = optionalAdapterSchemaEntry({ ...finding, loc: finding.loc }, input);
  if (schemaFix) return schemaFix;
  const found = fieldOrParameterOf({ ...finding, loc: finding.loc }, input);
  if ('reason' in found) return found;
  const { parsed, member, name } = found;
  if (member.question) return { reason: `${code(name)} is already optional.` };
  if (member.kind === 'parameter') {
    const params = parameterListAt(parsed, finding.loc.range) ?? [];
    const later = params.slice(params.findIndex((p) => p.start === member.start) + 1);
    if (later.some((p) => !p.question && !p.initializer && !p.rest)) {
      return { reason: `${code(name)} is followed by required parameters, so it cannot become optional in place.` };
    }
  }
  const definite = parsed.text[member.nameSpan.end] === '!';
  const edit = editAt(parsed, member.nameSpan.end, member.nameSpan.end + (definite ? 1 : 0), '?');
  const verb = finding.rule.endsWith('made-required') ? 'Keep' : 'Make';
  const why =
    // A class's constructor parameter property is a field: only an RPC parameter is something clients pass.
    finding.rule.startsWith('rpc-')
      ? `${input.baselineLabel} clients can still call without it`
      : `${input.baselineLabel} ${baselineParty(finding, 'writers')} stay valid`;
  return [safeFix(finding, `${verb} ${code(name)} optional so ${why}`, [edit])];
};

/**
 * A field of a schema that is no contract of its own (a tRPC or oRPC input read by zod or valibot): optional is spelled in the schema,
 * `.optional()` after it or `v.optional(…)` around it, not with `?`.
 */
function optionalAdapterSchemaEntry(finding: Parameters<FixProvider>[0] & { loc: NonNullable<Parameters<FixProvider>[0]['loc']> }, input: Parameters<FixProvider>[1]): ReturnType<FixProvider> {
  const parsed = newFile(input, finding.loc.file);
  const entry = parsed && schemaEntryAt(parsed, finding.loc.range);
  if (!parsed || !entry) return undefined;
  const { name } = lastStep(finding);
  if (entry.optional) return { reason: `${code(name)} is already optional.` };
  const value = parsed.text.slice(entry.value.start, entry.value.end);
  const text = entry.style === 'method' ? `${value}.optional()` : `${entry.namespace}.optional(${value})`;
  const verb = finding.rule.endsWith('made-required') ? 'Keep' : 'Make';
  const who = finding.rule.startsWith('rpc-') || finding.contractKind === 'service' ? `${input.baselineLabel} clients can still call without it` : `${input.baselineLabel} ${baselineParty(finding, 'writers')} stay valid`;
  return [safeFix(finding, `${verb} ${code(name)} optional so ${who}`, [editAt(parsed, entry.value.start, entry.value.end, text)])];
}
