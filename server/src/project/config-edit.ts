import type { AcceptedEntry } from '../common/source';
import { SkewError } from '../common/errors';
import { withoutBom } from '../common/safe-read';
import { CONFIG_FILE, parseConfig } from './config';

interface Member {
  key: string;
  valueStart: number;
  valueEnd: number;
}

/**
 * skew.json with `accepted` set to `entries`, every other byte of the file kept: the value of an existing
 * `accepted` is replaced in place, otherwise the key is added after the last one, in the file's indentation and
 * line endings. The result is parsed again before it is returned, so a file this cannot edit is an error, never
 * a corrupt file.
 */
export function withAccepted(text: string | undefined, entries: readonly AcceptedEntry[]): string {
  if (text === undefined || !withoutBom(text).trim()) return `{\n  "accepted": ${serialise(entries, '  ', '\n')}\n}\n`;
  const bom = text.length - withoutBom(text).length;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /^([ \t]+)"/m.exec(text)?.[1] ?? '  ';
  const { members, close } = topLevel(text, bom);
  const value = serialise(entries, indent, eol);
  const existing = members.find((m) => m.key === 'accepted');
  let next: string;
  if (existing) {
    next = text.slice(0, existing.valueStart) + value + text.slice(existing.valueEnd);
  } else {
    const last = members[members.length - 1];
    next = last
      ? `${text.slice(0, last.valueEnd)},${eol}${indent}"accepted": ${value}${text.slice(last.valueEnd)}`
      : `${text.slice(0, close)}${eol}${indent}"accepted": ${value}${eol}${text.slice(close)}`;
  }
  const reparsed = parseConfig(next);
  if (JSON.stringify(reparsed.accepted ?? []) !== JSON.stringify(entries)) {
    throw new SkewError('bad-config', `could not add to "accepted" in ${CONFIG_FILE} without changing something else: add the entry by hand`);
  }
  return next;
}

/** The array one level deep in the file: its lines indented once more than the key. */
function serialise(entries: readonly AcceptedEntry[], indent: string, eol: string): string {
  if (!entries.length) return '[]';
  const unit = indent.startsWith('\t') ? '\t' : indent;
  return JSON.stringify(entries, null, unit).split('\n').join(eol + indent);
}

/** The top-level object's members and where its closing brace is; the file must be one JSON object. */
function topLevel(text: string, from: number): { members: Member[]; close: number } {
  let i = from;
  const fail = (): never => {
    throw new SkewError('bad-config', `${CONFIG_FILE} is not a JSON object Skew can edit (at offset ${i}): fix it and try again`);
  };
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const string = () => {
    if (text[i] !== '"') fail();
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail();
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = () => {
    if (text[i] === '"') return void string();
    if (text[i] === '{' || text[i] === '[') {
      const stack = [text[i]];
      i++;
      while (stack.length) {
        if (i >= text.length) fail();
        const c = text[i]!;
        if (c === '"') {
          string();
          continue;
        }
        if (c === '{' || c === '[') stack.push(c);
        else if (c === '}' || c === ']') stack.pop();
        i++;
      }
      return;
    }
    const m = /^(true|false|null|-?\d[\d.eE+-]*)/.exec(text.slice(i));
    if (!m) fail();
    i += m![0].length;
  };
  ws();
  if (text[i] !== '{') fail();
  i++;
  const members: Member[] = [];
  ws();
  if (text[i] === '}') return { members, close: i };
  for (;;) {
    ws();
    const key = string();
    ws();
    if (text[i] !== ':') fail();
    i++;
    ws();
    const valueStart = i;
    value();
    members.push({ key, valueStart, valueEnd: i });
    ws();
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === '}') return { members, close: i };
    fail();
  }
}
