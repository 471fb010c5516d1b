/**
 * Names, literal types, comments and file paths come from the repository and may hold characters that act
 * instead of showing: line breaks that start a fake line (or end a workflow command or a Markdown paragraph),
 * ANSI escapes that drive the terminal, bidi controls that reorder what a reviewer reads (Trojan Source).
 * `printable` shows each of them as a visible escape, so the text cannot do anything but be read.
 */
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** C0 and C1 controls, DEL, the Unicode line and paragraph separators, and every bidi control. */
const ACTING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export const printable = (text: string): string =>
  text.replace(ACTING, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
