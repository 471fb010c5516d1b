import type { ContainerSpan } from '../contracts/container-spans';
import type { MemberSpan } from '../contracts/member-spans';
import type { ParsedFile } from '../contracts/parsed-file';
import { placeMember } from './insert-member';
import { code, missingNames } from './locate';
import { renderMember, type MemberRewrite } from './member-text';
import { styleOf } from './style';
import type { FixEdit } from './types';
import { itemAt } from '../common/item-at';

export interface RestoreRequest {
  old: ParsedFile;
  oldMember: MemberSpan;
  /** The baseline container, to put the member back after the same neighbour as before. */
  oldContainer?: ContainerSpan;
  target: ParsedFile;
  container: ContainerSpan;
  /** Insert after this member instead of at the baseline position. */
  after?: MemberSpan;
  /** The member is one more signature of a name the container still has (an overload), not a duplicate. */
  overload?: boolean;
  rewrite: MemberRewrite;
}

/** The baseline member the restored one followed, if it still exists in `container`. */
function baselineNeighbour(req: RestoreRequest): MemberSpan | undefined {
  const oldMembers = req.oldContainer?.members ?? [];
  const index = oldMembers.findIndex((m) => m.start === req.oldMember.start);
  for (let i = index - 1; i >= 0; i--) {
    const found = req.container.members.find((m) => m.name === itemAt(oldMembers, i).name);
    if (found) return found;
  }
  if (index < 0) return req.container.members[req.container.members.length - 1];
  // Nothing before it survived: it goes right before the first member that followed it and survived.
  for (let i = index + 1; i < oldMembers.length; i++) {
    const at = req.container.members.findIndex((m) => m.name === itemAt(oldMembers, i).name);
    if (at >= 0) return at > 0 ? req.container.members[at - 1] : undefined;
  }
  return undefined;
}

/** Edits that put a baseline member back into the working-tree container, styled like its new neighbours. */
export function restoreMember(req: RestoreRequest): FixEdit[] | { reason: string } {
  const name = req.rewrite.rename ?? req.oldMember.name;
  if (!req.overload && req.container.members.some((m) => m.name === name)) {
    return { reason: `${code(name)} already exists in ${req.container.name ? code(req.container.name) : 'the type'}.` };
  }
  const style = styleOf(req.target, req.container);
  const placement = placeMember(req.target, req.container, req.after ?? baselineNeighbour(req), style);
  if (!placement) return { reason: `The type is written on one line; restore ${code(name)} by hand.` };
  const rendered = renderMember(req.old, req.oldMember, styleOf(req.old), { indent: placement.indent, style, separator: placement.separator }, req.rewrite);
  const missing = missingNames(req.target, rendered);
  if (missing.length) {
    return { reason: `Restoring ${code(name)} needs ${missing.map(code).join(', ')}, which ${req.target.file} does not import.` };
  }
  return placement.edits(rendered);
}
