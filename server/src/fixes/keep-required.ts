import { containerOfMemberAt, parameterListAt } from '../contracts/container-spans';
import { unionVariantsOf } from '../contracts/type-spans';
import { baselineParty } from './finding-path';
import { code, fieldOrParameterOf } from './locate';
import { editAt } from './text-edits';
import type { FixProvider } from './types';
import { safeFix } from './safe-fix';
import { itemAt } from '../common/item-at';


/** A field or parameter the baseline requires stays required: drop the `?` (or the `| undefined`). */
export const keepRequired: FixProvider = (finding, input) => {
  if (!finding.loc) return undefined;
  const found = fieldOrParameterOf({ ...finding, loc: finding.loc }, input);
  if ('reason' in found) return found;
  const { parsed, member, name } = found;
  if (member.kind === 'parameter') {
    const params = parameterListAt(parsed, finding.loc.range) ?? [];
    const earlier = params.slice(0, params.findIndex((p) => p.start === member.start));
    if (earlier.some((p) => p.question ?? p.initializer)) {
      return { reason: `${code(name)} follows optional parameters, so it cannot become required in place.` };
    }
    if (member.initializer) return { reason: `${code(name)} has a default value; remove it by hand if callers must pass it.` };
  }
  if (member.kind === 'property' && !member.initializer && containerOfMemberAt(parsed, finding.loc.range)?.kind === 'class') {
    return { reason: `Class property ${code(name)} has no initializer, so making it required needs one.` };
  }
  const edits = [];
  if (member.question) edits.push(editAt(parsed, member.question.start, member.question.end, ''));
  const variants = member.type && unionVariantsOf(parsed, member.type);
  const undef = variants?.findIndex((v) => v.text === 'undefined') ?? -1;
  if (variants && undef >= 0 && variants.length > 1) {
    // Remove `| undefined` together with the bar that joins it to its neighbour.
    const [from, to] = undef > 0 ? [itemAt(variants, undef - 1).end, itemAt(variants, undef).end] : [itemAt(variants, 0).start, itemAt(variants, 1).start];
    edits.push(editAt(parsed, from, to, ''));
  }
  if (edits.length === 0) return { reason: `${code(name)} is not optional in ${finding.loc.file}.` };
  const why =
    // A class's constructor parameter property is a field: only an RPC parameter is something clients pass.
    finding.rule.startsWith('rpc-')
      ? `${input.baselineLabel} servers still get it`
      : `${input.baselineLabel} ${baselineParty(finding, 'readers')} still get it`;
  return [safeFix(finding, `Keep ${code(name)} required so ${why}`, edits)];
};
