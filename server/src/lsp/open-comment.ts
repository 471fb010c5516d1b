/**
 * A block comment that holds the start of another JSDoc comment (`/**`): what typing `/**` above code does
 * until the comment is closed, since the next `*\/` (a contract's own JSDoc) closes it and everything between
 * turns into comment. It parses, so only this shape tells it from a real removal. Returns the 0-based line of
 * the comment's start, or undefined.
 */
export function commentSwallowingCode(text: string): number | undefined {
  let i = 0;
  let line = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const start = line;
      const end = text.indexOf('*/', i + 2);
      const body = text.slice(i + 2, end < 0 ? n : end);
      if (body.includes('/**')) return start;
      for (const ch of body) if (ch === '\n') line++;
      i = end < 0 ? n : end + 2;
    } else if (c === '"' || c === "'" || c === '`') {
      i++;
      while (i < n && text[i] !== c) {
        if (text[i] === '\\') i++;
        else if (text[i] === '\n') {
          line++;
          if (c !== '`') break;
        }
        i++;
      }
      i++;
    } else {
      i++;
    }
  }
  return undefined;
}
