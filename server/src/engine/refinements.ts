import type { Refinement } from './shape';

/**
 * Bounds by family: a value that passes the first check of a family at one argument passes it at every looser
 * one. `min(3)` on a writer guarantees a reader's `min(2)`, not its `min(5)`. Names are as zod and valibot write them.
 */
const LOWER = new Set(['min', 'gte', 'minLength', 'minValue', 'minSize', 'nonempty']);
const UPPER = new Set(['max', 'lte', 'maxLength', 'maxValue', 'maxSize']);
const ABOVE = new Set(['gt']);
const BELOW = new Set(['lt']);

/** `.min(5)`, `.email()`: a check as written. */
export const showCheck = (c: Refinement): string => `.${c.name}(${c.arg === undefined ? '' : typeof c.arg === 'string' ? JSON.stringify(c.arg) : c.arg})`;

/** Whether every value that passes `held` (a writer's check) passes `wanted` (a reader's). */
export function guarantees(held: Refinement, wanted: Refinement): boolean {
  if (held.name === wanted.name && held.arg === wanted.arg) return true;
  const a = held.arg;
  const b = wanted.arg;
  if (typeof a !== 'number' || typeof b !== 'number') return false;
  const family = (set: Set<string>) => set.has(held.name) && set.has(wanted.name);
  if (family(LOWER) || family(ABOVE)) return a >= b;
  if (family(UPPER) || family(BELOW)) return a <= b;
  return false;
}

/** The reader's checks that nothing the writer checks already guarantees. */
export function uncoveredChecks(writer: readonly Refinement[] | undefined, reader: readonly Refinement[] | undefined): Refinement[] {
  return (reader ?? []).filter((wanted) => !(writer ?? []).some((held) => guarantees(held, wanted)));
}
