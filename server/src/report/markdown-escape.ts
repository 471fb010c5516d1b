import { printable } from './printable';

/**
 * Escaping for GitHub-flavoured Markdown (CommonMark plus GFM autolinks and @-mentions), used by every
 * Markdown Skew writes: the PR comment, the step summary, the editor's report export and hovers. Everything
 * that comes from the code goes through `text`, `code` or `inline`. Line breaks of any kind are shown as `\n`,
 * `\r`… (printable), because a lone CR or a U+2028 ends a line for some renderers and lets the next "line"
 * start a heading, an HTML block such as `</details>` or a list.
 */

/** Plain text: HTML, Markdown punctuation, autolinks and mentions escaped, so nothing from the code becomes markup. */
export function text(s: string): string {
  return printable(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~#!])/g, '\\$1')
    // GFM turns `https://…`, `www.…` and `a@b.c` into links and `@team` into a notification; a zero-width space
    // after `@` and a broken scheme or `www.` keep them text.
    .replace(/@(?=[A-Za-z0-9])/g, '@&#8203;')
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`);
}

/**
 * Text that starts a line: a leading `-`, `+`, `>`, `=` or `1.` would otherwise start a list, a quote, a
 * setext heading or a thematic break.
 */
export function lineStart(escaped: string): string {
  return escaped.replace(/^(\s*)([-+>=]|\d+(?=[.)]))/, (_m, space: string, mark: string) => (/\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`));
}

/**
 * A code span that holds any text literally: the fence is longer than any backtick run inside. Inside a code
 * span HTML, mentions and links are inert; only line breaks (made printable) and backticks need care.
 */
export function code(s: string): string {
  const flat = printable(s);
  if (flat === '') return '` `';
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * A message whose `backticked` parts are code: those become code spans, the rest is escaped text. A name that
 * itself holds backticks makes the split ambiguous; whatever does not pair up is escaped as text, never markup.
 */
export function inline(s: string): string {
  return s
    .split(/(`[^`]+`)/)
    .map((part) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? code(part.slice(1, -1)) : text(part)))
    .join('');
}

/** A fenced code block whose fence is longer than any backtick run in the body. */
export function fenced(body: string, lang: string): string[] {
  const lines = body.split('\n').map(printable);
  const longest = Math.max(2, ...lines.flatMap((l) => l.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}${lang}`, ...lines, fence];
}
