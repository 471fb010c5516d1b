/**
 * Whether text a fix wrote looks like the file around it: indentation unit, quotes and member separators as
 * the original file uses them. Deliberately independent of `fixes/style.ts`, which it checks.
 */

function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return b.slice(head, b.length - tail);
}

const lead = (line: string) => /^[ \t]*/.exec(line)![0];
const isComment = (line: string) => /^\s*(\/\/|\/\*|\*)/.test(line);

function usesTabs(text: string): boolean {
  return text.split('\n').some((l) => l.startsWith('\t'));
}

function spaceUnit(text: string): number {
  const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));
  let unit = 0;
  for (const line of text.split('\n')) if (line.trim() && !line.trimStart().startsWith('*') && !line.startsWith('\t')) unit = gcd(unit, lead(line).length);
  return unit || 2;
}

function quotes(text: string): { single: number; double: number } {
  let single = 0;
  let double = 0;
  for (const line of text.split('\n')) {
    if (isComment(line)) continue;
    single += (line.match(/'[^'\n]*'/g) ?? []).length;
    double += (line.match(/"[^"\n]*"/g) ?? []).length;
  }
  return { single, double };
}

/** A type member on a line of its own: `name?: T`, `name(args): R`, without `{` opening a block. */
const MEMBER = /^\s*(readonly\s+)?[A-Za-z_$][\w$]*\??\s*(:|\()/;

function separatorHabit(text: string): string | undefined {
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!MEMBER.test(line) || isComment(line) || /[{(,|]\s*$/.test(line) || /^\s*(export|import|return|const|let)\b/.test(line)) continue;
    const end = line.trimEnd().slice(-1);
    const sep = end === ';' || end === ',' ? end : '';
    counts.set(sep, (counts.get(sep) ?? 0) + 1);
  }
  return [...counts].sort((x, y) => y[1] - x[1])[0]?.[0];
}

export function formatProblems(before: string, after: string): string[] {
  const problems: string[] = [];
  const lines = changedLines(before, after);
  const tabs = usesTabs(before);
  const unit = spaceUnit(before);
  const q = quotes(before);
  const quote = q.single + q.double === 0 ? undefined : q.double > q.single ? '"' : "'";
  const sep = separatorHabit(before);
  if (before.includes('\r\n') !== after.includes('\r\n')) problems.push('line endings changed');
  for (const line of lines) {
    const l = lead(line);
    const jsdoc = line.trimStart().startsWith('*');
    if (line.trim() === '') continue;
    if (/[ \t]$/.test(line)) problems.push(`trailing whitespace: ${JSON.stringify(line)}`);
    if (tabs) {
      if (!/^\t*$/.test(jsdoc ? l.replace(/ $/, '') : l)) problems.push(`not tab-indented: ${JSON.stringify(line)}`);
    } else {
      const width = jsdoc ? l.length - 1 : l.length;
      if (l.includes('\t') || width % unit !== 0) problems.push(`not indented in units of ${unit} spaces: ${JSON.stringify(line)}`);
    }
    if (quote && !isComment(line)) {
      const other = quote === "'" ? /"[^"\n]*"/ : /'[^'\n]*'/;
      // The other quote inside a string in the house quote (`'say "hi"'`) is text, not a quote style.
      const own = quote === "'" ? /'(?:[^'\\\n]|\\.)*'/g : /"(?:[^"\\\n]|\\.)*"/g;
      if (other.test(line.replace(own, quote + quote))) problems.push(`uses the other quote: ${JSON.stringify(line)}`);
    }
    if (sep !== undefined && MEMBER.test(line) && !isComment(line) && !/[{(|]\s*$/.test(line) && !/^\s*(export|import)\b/.test(line)) {
      const end = line.trimEnd().slice(-1);
      const got = end === ';' || end === ',' ? end : '';
      if (got !== sep) problems.push(`member ends with ${JSON.stringify(got)} where the file uses ${JSON.stringify(sep)}: ${JSON.stringify(line)}`);
    }
  }
  return problems;
}
