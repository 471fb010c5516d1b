import { containerByPath, containerOfMemberAt, containerPathOf } from '../contracts/container-spans';
import { memberAt } from '../contracts/member-spans';
import { baselineParty } from './finding-path';
import { candidateNewFiles, code, oldFile } from './locate';
import { enumValues } from './pin-enum-values';
import { restoreMember } from './restore-member';
import type { FixProvider } from './types';
import { safeFix } from './safe-fix';

/** A removed enum member comes back (deprecated) with its baseline value, so values old writers send still read. */
export const restoreEnumMember: FixProvider = (finding, input) => {
  if (!finding.baselineLoc) return undefined;
  const old = oldFile(input, finding.baselineLoc);
  const oldMember = old && memberAt(old, finding.baselineLoc.range);
  const oldContainer = old && containerOfMemberAt(old, finding.baselineLoc.range);
  if (!old || !oldMember || !oldContainer || oldMember.kind !== 'enum-member') return { reason: 'The removed member cannot be found in the baseline.' };
  const path = containerPathOf(old, finding.baselineLoc.range);
  if (!path) return { reason: `The enum holding ${code(oldMember.name)} has no name; restore it by hand.` };
  const value = enumValues(old, oldContainer)[oldContainer.members.findIndex((m) => m.start === oldMember.start)];
  if (value === undefined) return { reason: `The baseline value of ${code(oldMember.name)} is computed; restore it by hand.` };
  const writers = `${input.baselineLabel} ${baselineParty(finding, 'writers')}`;
  for (const target of candidateNewFiles(finding, input)) {
    const container = containerByPath(target, path);
    if (!container || container.kind !== 'enum') continue;
    const edits = restoreMember({
      old,
      oldMember,
      oldContainer,
      target,
      container,
      // An implicitly numbered member would take the number of its new position; it must keep the old one.
      rewrite: { deprecated: `still sent by ${writers}`, initializer: oldMember.initializer ? undefined : String(value) },
    });
    if ('reason' in edits) return edits;
    const title = `Restore ${code(oldMember.name)} in ${code(path.join('.'))} as deprecated so ${writers} can still use it`;
    return [safeFix(finding, title, edits)];
  }
  return { reason: `${code(path.join('.'))} is no longer declared where the baseline had it; restore ${code(oldMember.name)} by hand.` };
};
