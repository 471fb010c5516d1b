import type { ContainerSpan } from '../contracts/container-spans';
import type { MemberSpan } from '../contracts/member-spans';
import type { ParsedFile } from '../contracts/parsed-file';
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
  // Indentation comes from a member on a line of its own: one sharing the `{` line is indented like the declaration.
  const model = after?.ownLine ? after : container.members.find((m) => m.ownLine);
  const indent = model ? indentAt(text, model.start) : indentAt(text, container.close) + style.indentUnit;
  if (!after) {
    const first = container.members[0];
    const separator = isEnum ? ',' : style.separator;
    if (!first) return { indent, separator, edits: (rendered) => [editAt(parsed, lineEndOf(text, container.open), lineEndOf(text, container.open), eol + rendered)] };
    if (!first.ownLine) {
      // `{ b: string;` — the new member gets its own line after the brace and pushes `b` onto the next one.
      const at = container.open + 1;
      return { indent, separator, edits: (rendered) => [editAt(parsed, at, first.fullStart, eol + rendered + eol + indent)] };
    }
    const at = lineStartOf(text, first.fullStart);
    return { indent, separator, edits: (rendered) => [editAt(parsed, at, at, rendered + eol)] };
  }
  const isLast = container.members[container.members.length - 1] === after;
  // In an enum (a comma list) the last member may go without a comma; a new last member follows that habit.
  const separator = isEnum ? (isLast && !after.separator ? '' : ',') : style.separator;
  let at = lineEndOf(text, after.afterSeparator);
  // `b: string; }`: the new member goes before the brace, which moves to a line of its own.
  let tail = '';
  if (container.close < at) {
    at = container.close;
    while (at > after.afterSeparator && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
    tail = eol + indentAt(text, container.open);
  }
  const end = tail ? container.close : at;
  return {
    indent,
    separator,
    edits: (rendered) => {
      // An enum's last member without a comma gets one, in the same edit so fix-all sees one change here.
      if (isEnum && !after.separator) {
        return [editAt(parsed, after.bodyEnd, end, ',' + text.slice(after.bodyEnd, at) + eol + rendered + tail)];
      }
      return [editAt(parsed, at, end, eol + rendered + tail)];
    },
  };
}
