import { containerAt, containerOfMemberAt } from '../contracts/container-spans';
import { memberAt, schemaPropertyAt } from '../contracts/member-spans';
import { code, newFile, oldFile } from './locate';
import { restoreMember } from './restore-member';
import { restoreProcedure } from './restore-procedure';
import type { FixProvider } from './types';
import { safeFix } from './safe-fix';

/**
 * A removed or renamed RPC method comes back with its baseline signature, deprecated, for old clients. A removed
 * overload comes back right after the method's last remaining signature (where a class requires it: before the
 * implementation).
 */
export const restoreMethod: FixProvider = (finding, input) => {
  if (!finding.loc || !finding.baselineLoc) return undefined;
  const old = oldFile(input, finding.baselineLoc);
  // A procedure of a router object literal (tRPC, oRPC) rather than a member of an interface or class.
  const procedure = old && schemaPropertyAt(old, finding.baselineLoc.range);
  if (old && procedure) return restoreProcedure(finding, input, old, procedure, finding.baselineLoc.range);
  const oldMember = old && memberAt(old, finding.baselineLoc.range);
  const target = newFile(input, finding.loc.file);
  if (!old || !oldMember || !target) return { reason: 'Cannot find the baseline method.' };
  const renamed = finding.rule === 'rpc-method-renamed';
  const overload = finding.steps.some((s) => s.kind === 'overload');
  // A removed overload's finding sits on the method's last remaining signature.
  const besideMember = renamed || overload;
  const newMember = besideMember ? memberAt(target, finding.loc.range) : undefined;
  const container = besideMember ? containerOfMemberAt(target, finding.loc.range) : containerAt(target, finding.loc.range);
  if (!container || (besideMember && !newMember)) return { reason: `Cannot find service ${code(finding.contract)} in ${finding.loc.file}.` };
  if (oldMember.hasBody && container.kind !== 'class') return { reason: 'The baseline method has a body but the service is no longer a class.' };
  const clients = `${input.baselineLabel} clients`;
  const edits = restoreMember({
    old,
    oldMember,
    oldContainer: containerOfMemberAt(old, finding.baselineLoc.range),
    target,
    container,
    after: newMember,
    overload,
    rewrite: { deprecated: renamed && newMember ? `use ${newMember.name}` : `still called by ${clients}` },
  });
  if ('reason' in edits) return edits;
  const what = overload ? `the removed overload of ${code(oldMember.name)}` : code(oldMember.name);
  return [safeFix(finding, `Restore ${what} as deprecated so ${clients} can still call it`, edits)];
};
