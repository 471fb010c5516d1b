import type { ContainerSpan, MemberSpan, ParsedFile } from '../contracts/member-spans';
import { indentAt, lineEndOf, lineStartOf, type FileStyle } from './style';
import { editAt } from './text-edits';
import type { FixEdit } from './types';

/** Where a new member goes and how it must be indented and terminated there. */
export interface Placement {
  indent: string;
  /** Separator the new member ends with (for the last member of a list without a trailing one: none). */
  separator: string;
  /** Turns the rendered member (every line indented) into the edits. */
  edits(rendered: string): FixEdit[];
}

const multiLine = (parsed: ParsedFile, c: ContainerSpan) => parsed.text.slice(c.open, c.close).includes('\n');

/**
 * A new member right after `after` (or first when undefined) in `container`, matching the neighbours'
 * indentation and the list's separators. Undefined for a single-line container, where a member on its own
 * line would not match the surroundings.
 */
export function placeMember(parsed: ParsedFile, container: ContainerSpan, after: MemberSpan | undefined, style: FileStyle): Placement | undefined {
  const text = parsed.text;
  const eol = style.eol;
  if (!multiLine(parsed, container)) return undefined;
  const isEnum = container.kind === 'enum';
  const neighbour = after ?? container.members[0];
  const indent = neighbour ? indentAt(text, neighbour.start) : indentAt(text, container.close) + style.indentUnit;
  if (!after) {
    const first = container.members[0];
    const at = first ? lineStartOf(text, first.fullStart) : lineEndOf(text, container.open);
    return {
      indent,
      separator: isEnum ? ',' : style.separator,
      edits: (rendered) => [first ? editAt(parsed, at, at, rendered + eol) : editAt(parsed, at, at, eol + rendered)],
    };
  }
  const isLast = container.members[container.members.length - 1] === after;
  // In an enum (a comma list) the last member may go without a comma; a new last member follows that habit.
  const separator = isEnum ? (isLast && !after.separator ? '' : ',') : style.separator;
  const at = lineEndOf(text, after.afterSeparator);
  return {
    indent,
    separator,
    edits: (rendered) => {
      // An enum's last member without a comma gets one, in the same edit so fix-all sees one change here.
      if (isEnum && !after.separator) {
        return [editAt(parsed, after.bodyEnd, at, ',' + text.slice(after.bodyEnd, at) + eol + rendered)];
      }
      return [editAt(parsed, at, at, eol + rendered)];
    },
  };
}
