/** Deep equality of plain JSON data, taking the same object as equal at once (a reused Loc, a service's methods). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let count = 0;
  for (const k in x) {
    if (!(k in y) || !sameData(x[k], y[k])) return false;
    count++;
  }
  for (const k in y) if (--count < 0 || !(k in x)) return false;
  return count === 0;
}
