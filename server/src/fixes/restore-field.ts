import { containerByPath, containerOfMemberAt, containerPathOf } from '../contracts/container-spans';
import { memberAt } from '../contracts/member-spans';
import { baselineParty } from './finding-path';
import { candidateNewFiles, code, oldFile } from './locate';
import { restoreMember } from './restore-member';
import type { FixProvider } from './types';
import { safeFix } from './safe-fix';
import { restoreSchemaField } from './restore-schema-field';

/** A removed field the baseline requires comes back, optional and deprecated, so old readers still get it. */
export const restoreField: FixProvider = (finding, input) => {
  if (!finding.baselineLoc) return undefined;
  const library = input.models?.baseline.contracts[finding.contract]?.schema?.library;
  if (library && input.models?.working.contracts[finding.contract]?.schema) return restoreSchemaField(finding, input, library);
  const old = oldFile(input, finding.baselineLoc);
  const oldMember = old && memberAt(old, finding.baselineLoc.range);
  if (!old || !oldMember || oldMember.kind !== 'property') return { reason: 'The removed field cannot be found in the baseline.' };
  const path = containerPathOf(old, finding.baselineLoc.range);
  if (!path) return { reason: `${code(oldMember.name)} was declared inside an anonymous type; restore it by hand.` };
  for (const target of candidateNewFiles(finding, input)) {
    const container = containerByPath(target, path);
    if (!container) continue;
    const readers = `${input.baselineLabel} ${baselineParty(finding, 'readers')}`;
    const edits = restoreMember({
      old,
      oldMember,
      oldContainer: containerOfMemberAt(old, finding.baselineLoc.range),
      target,
      container,
      rewrite: { optional: true, deprecated: `still required by ${readers}; remove once none is left` },
    });
    if ('reason' in edits) return edits;
    return [safeFix(finding, `Restore ${code(oldMember.name)} (optional, deprecated) so ${readers} can still get it`, edits)];
  }
  return { reason: `${code(path.join('.'))} is no longer declared where the baseline had it; restore ${code(oldMember.name)} by hand.` };
};
