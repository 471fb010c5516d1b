import { containerOfMemberAt } from '../contracts/container-spans';
import { memberAt } from '../contracts/member-spans';
import { code, newFile, oldFile } from './locate';
import { restoreMember } from './restore-member';
import type { FixProvider } from './types';
import { safeFix } from './safe-fix';

/** A renamed field keeps its old name alongside the new one (expand/contract): old optional and deprecated. */
export const keepOldName: FixProvider = (finding, input) => {
  if (!finding.loc || !finding.baselineLoc) return undefined;
  const old = oldFile(input, finding.baselineLoc);
  const oldMember = old && memberAt(old, finding.baselineLoc.range);
  const target = newFile(input, finding.loc.file);
  const newMember = target && memberAt(target, finding.loc.range);
  const container = target && containerOfMemberAt(target, finding.loc.range);
  if (!old || !oldMember || !target || !newMember || !container) return { reason: 'Cannot find both names of the renamed field.' };
  const edits = restoreMember({
    old,
    oldMember,
    target,
    container,
    after: newMember,
    rewrite: { optional: true, deprecated: `use ${newMember.name}` },
  });
  if ('reason' in edits) return edits;
  const title = `Keep ${code(oldMember.name)} (deprecated) alongside ${code(newMember.name)} so ${input.baselineLabel} nodes still understand it`;
  return [safeFix(finding, title, edits)];
};
