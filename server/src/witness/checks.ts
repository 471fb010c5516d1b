import type { Refinement } from '../engine/shape';
import { showCheck } from '../engine/refinements';
import { showValue } from './show-value';

/**
 * The schema checks a witness can be tested against without running the user's code, as zod and valibot
 * define them. A custom `.refine()` (or any check not known here) runs code: it counts as passed, and the
 * witness search says it could not be shown (see `opaqueChecks`).
 */
type Test = (value: unknown, arg: string | number | undefined) => boolean | undefined;

const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The measure bounds apply to: a number itself, a string's or an array's length. */
function measure(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  return undefined;
}

const bound =
  (ok: (m: number, arg: number) => boolean): Test =>
  (value, arg) => {
    const m = measure(value);
    return m === undefined || typeof arg !== 'number' ? undefined : ok(m, arg);
  };

const sign =
  (ok: (n: number) => boolean): Test =>
  (value) =>
    typeof value === 'number' ? ok(value) : undefined;

const text =
  (ok: (s: string, arg: string) => boolean | undefined): Test =>
  (value, arg) =>
    typeof value === 'string' && typeof arg === 'string' ? ok(value, arg) : undefined;

function regexOf(arg: string): RegExp | undefined {
  const literal = /^\/(.*)\/([a-z]*)$/s.exec(arg);
  try {
    return literal ? new RegExp(literal[1]!, literal[2]) : new RegExp(arg);
  } catch {
    return undefined;
  }
}

const isUrl = (s: string): boolean => {
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
};

const TESTS: Record<string, Test> = {
  int: (v) => (typeof v === 'number' ? Number.isInteger(v) : undefined),
  integer: (v) => (typeof v === 'number' ? Number.isInteger(v) : undefined),
  min: bound((m, a) => m >= a),
  gte: bound((m, a) => m >= a),
  minLength: bound((m, a) => m >= a),
  minValue: bound((m, a) => m >= a),
  max: bound((m, a) => m <= a),
  lte: bound((m, a) => m <= a),
  maxLength: bound((m, a) => m <= a),
  maxValue: bound((m, a) => m <= a),
  gt: bound((m, a) => m > a),
  lt: bound((m, a) => m < a),
  length: bound((m, a) => m === a),
  nonempty: (v) => (typeof v === 'string' || Array.isArray(v) ? v.length > 0 : undefined),
  positive: sign((n) => n > 0),
  nonnegative: sign((n) => n >= 0),
  negative: sign((n) => n < 0),
  nonpositive: sign((n) => n <= 0),
  finite: (v) => (typeof v === 'number' ? Number.isFinite(v) : undefined),
  safe: (v) => (typeof v === 'number' ? Math.abs(v) <= Number.MAX_SAFE_INTEGER : undefined),
  multipleOf: (v, a) => (typeof v === 'number' && typeof a === 'number' && a !== 0 ? Number.isInteger(v / a) : undefined),
  step: (v, a) => (typeof v === 'number' && typeof a === 'number' && a !== 0 ? Number.isInteger(v / a) : undefined),
  startsWith: text((s, a) => s.startsWith(a)),
  endsWith: text((s, a) => s.endsWith(a)),
  includes: text((s, a) => s.includes(a)),
  regex: text((s, a) => regexOf(a)?.test(s)),
  email: (v) => (typeof v === 'string' ? EMAIL.test(v) : undefined),
  url: (v) => (typeof v === 'string' ? isUrl(v) : undefined),
  uuid: (v) => (typeof v === 'string' ? UUID.test(v) : undefined),
};

/** Whether this check can be tested here (a known name with the argument it needs). */
export function evaluable(check: Refinement): boolean {
  const test = TESTS[check.name];
  if (!test) return false;
  if (check.name === 'regex') return typeof check.arg === 'string' && regexOf(check.arg) !== undefined;
  return true;
}

/** The first check the value fails, among those that can be tested. */
export function failedCheck(value: unknown, checks: readonly Refinement[] | undefined): Refinement | undefined {
  return checks?.find((c) => TESTS[c.name]?.(value, c.arg) === false);
}

/** Checks no witness can be tested against: they run the user's code. */
export const opaqueChecks = (checks: readonly Refinement[] | undefined): Refinement[] => (checks ?? []).filter((c) => !evaluable(c));

export const describeFailedCheck = (c: Refinement, value: unknown): string => `${showValue(value, false).text} fails ${showCheck(c)}`;

/**
 * Values that fail some check of a reader, to try as witnesses: each bound just crossed, each format broken.
 * `like` is a value of the right kind (a string, a number, an array) to start from.
 */
export function probes(checks: readonly Refinement[] | undefined, like: unknown): unknown[] {
  const out: unknown[] = [];
  for (const c of checks ?? []) {
    const a = c.arg;
    if (typeof like === 'number') {
      if (typeof a === 'number') out.push(a - 1, a + 1, a - 0.5, a + 0.5, a);
      if (c.name === 'int' || c.name === 'integer') out.push(0.5, 1.5);
      if (['positive', 'nonnegative', 'negative', 'nonpositive'].includes(c.name)) out.push(-1, 0, 1);
    } else if (typeof like === 'string') {
      if (typeof a === 'number') for (const n of [a - 1, a + 1, 0]) if (n >= 0) out.push('x'.repeat(n));
      if (c.name === 'nonempty') out.push('');
      if (['email', 'url', 'uuid', 'regex', 'startsWith', 'endsWith', 'includes'].includes(c.name)) out.push('x', '', 'not a value');
    } else if (Array.isArray(like)) {
      if (typeof a === 'number') for (const n of [a - 1, a + 1, 0]) if (n >= 0) out.push(Array.from({ length: n }, (): unknown => (like as unknown[])[0] ?? null));
      if (c.name === 'nonempty') out.push([]);
    }
  }
  return out;
}
