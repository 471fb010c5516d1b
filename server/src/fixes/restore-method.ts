import { containerAt, containerOfMemberAt } from '../contracts/container-spans';
import { memberAt } from '../contracts/member-spans';
import { code, newFile, oldFile } from './locate';
import { restoreMember } from './restore-member';
import type { FixProvider } from './types';
import { safeFix } from './safe-fix';

/** A removed or renamed RPC method comes back with its baseline signature, deprecated, for old clients. */
export const restoreMethod: FixProvider = (finding, input) => {
  if (!finding.loc || !finding.baselineLoc) return undefined;
  const old = oldFile(input, finding.baselineLoc);
  const oldMember = old && memberAt(old, finding.baselineLoc.range);
  const target = newFile(input, finding.loc.file);
  if (!old || !oldMember || !target) return { reason: 'Cannot find the baseline method.' };
  const renamed = finding.rule === 'rpc-method-renamed';
  const newMember = renamed ? memberAt(target, finding.loc.range) : undefined;
  const container = renamed ? containerOfMemberAt(target, finding.loc.range) : containerAt(target, finding.loc.range);
  if (!container || (renamed && !newMember)) return { reason: `Cannot find service ${code(finding.contract)} in ${finding.loc.file}.` };
  if (oldMember.hasBody && container.kind !== 'class') return { reason: 'The baseline method has a body but the service is no longer a class.' };
  const clients = `${input.baselineLabel} clients`;
  const edits = restoreMember({
    old,
    oldMember,
    oldContainer: containerOfMemberAt(old, finding.baselineLoc.range),
    target,
    container,
    after: newMember,
    rewrite: { deprecated: newMember ? `use ${newMember.name}` : `still called by ${clients}` },
  });
  if ('reason' in edits) return edits;
  return [safeFix(finding, `Restore ${code(oldMember.name)} as deprecated so ${clients} can still call it`, edits)];
};
