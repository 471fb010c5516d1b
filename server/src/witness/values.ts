import { templateSamples } from '../engine/template';
import type { Codec, Refinement, Shape, WireModel } from '../engine/shape';
import { failedCheck } from './checks';
import { codecSamples } from './codec-values';
import { showValue } from './show-value';

/** A field or trailing element left out of the value, as opposed to `null`. */
export const ABSENT: unique symbol = Symbol('absent');
export type Sample = unknown;

/** How many sample values one shape may offer; keeps nested objects from multiplying. */
const MAX_SAMPLES = 12;
/** How deep refs are followed before only the smallest value is offered (recursive types). */
const MAX_DEPTH = 6;

/**
 * Small values a shape can produce, smallest and most ordinary first, covering each union variant, enum value,
 * boolean and optional field once: JSON values, and under another codec what it carries (a Date under superjson).
 * Empty when the shape produces no value the codec carries (never, a Date under JSON).
 */
export function samples(shape: Shape, model: WireModel, codec: Codec = 'json'): Sample[] {
  return new Sampler(model, codec).samples(shape, 0, new Set());
}

/** The smallest value the shape can produce, or ABSENT when it has none. */
// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- Sample is any JSON value; the union still tells the reader ABSENT can come back
export function smallest(shape: Shape, model: WireModel, codec: Codec = 'json'): Sample | typeof ABSENT {
  const found = new Sampler(model, codec).smallest(shape, new Set());
  return found;
}

class Sampler {
  constructor(
    private readonly model: WireModel,
    private readonly codec: Codec,
  ) {}

  // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- Sample is any JSON value; the union still tells the reader ABSENT can come back
  smallest(shape: Shape, inProgress: Set<string>): Sample | typeof ABSENT {
    switch (shape.kind) {
      case 'ref': {
        // A required field leading back into its own type has no finite value down that branch.
        if (inProgress.has(shape.name)) return ABSENT;
        const target = this.model.types[shape.name];
        if (!target) return null;
        inProgress.add(shape.name);
        try {
          return this.smallest(target.shape, inProgress);
        } finally {
          inProgress.delete(shape.name);
        }
      }
      case 'object': {
        const value: Record<string, unknown> = {};
        for (const f of shape.fields) {
          if (f.optional) continue;
          const v = this.smallest(f.shape, inProgress);
          if (v === ABSENT) return ABSENT;
          value[f.name] = v;
        }
        return value;
      }
      case 'array':
        return shape.checks ? (this.samples(shape, 0, inProgress)[0] ?? []) : [];
      case 'tuple': {
        const value: unknown[] = [];
        for (const e of shape.elements) {
          // A rest element may repeat zero times; required elements after it still follow.
          if (e.rest) continue;
          if (e.optional) break;
          const v = this.smallest(e.shape, inProgress);
          if (v === ABSENT) return ABSENT;
          value.push(v);
        }
        return value;
      }
      case 'union': {
        // Prefer a variant that is not a ref, so recursion bottoms out (`Tree | null` → null).
        const ordered = [...shape.variants].sort((a, b) => Number(a.kind === 'ref') - Number(b.kind === 'ref'));
        for (const v of ordered) {
          const found = this.smallest(v, inProgress);
          if (found !== ABSENT) return found;
        }
        return ABSENT;
      }
      default: {
        // `null` is a value (a required `parent_id: null` field has one); only an empty list means there is none.
        const found = this.samples(shape, 0, inProgress);
        return found.length > 0 ? found[0] : ABSENT;
      }
    }
  }

  samples(shape: Shape, depth: number, inProgress: Set<string>): Sample[] {
    switch (shape.kind) {
      case 'string':
        if (shape.checks) return passing(shape.checks, stringCandidates(shape.checks), shape.template === undefined ? ['x'] : templateSamples(shape.template));
        return shape.template === undefined ? ['x'] : templateSamples(shape.template);
      case 'number':
        if (shape.checks) return passing(shape.checks, numberCandidates(shape.checks), [0]);
        return [0];
      case 'boolean':
        return [false, true];
      case 'null':
      case 'void':
        return [null];
      case 'literal':
        return [shape.value];
      case 'enum':
        return shape.members.map((m) => m.value);
      case 'any':
        // What an `unknown` writer may send: anything, so a few of each kind.
        return [null, 'x', 0, true, {}, []];
      case 'never':
        return [];
      case 'unsafe':
        return codecSamples(shape.what, this.codec);
      case 'ref': {
        const target = this.model.types[shape.name];
        if (!target) return [null];
        if (depth >= MAX_DEPTH || inProgress.has(shape.name)) {
          const least = this.smallest(shape, new Set());
          return least === ABSENT ? [] : [least];
        }
        inProgress.add(shape.name);
        try {
          return this.samples(target.shape, depth + 1, inProgress);
        } finally {
          inProgress.delete(shape.name);
        }
      }
      case 'union':
        return cap(shape.variants.flatMap((v) => this.samples(v, depth, inProgress)));
      case 'array': {
        const inner = this.samples(shape.element, depth + 1, inProgress);
        const plain = cap([[], ...inner.map((v) => [v])]);
        if (!shape.checks) return plain;
        const lengths = shape.checks.flatMap((c) => (typeof c.arg === 'number' ? [c.arg, c.arg + 1] : [1]));
        const first = inner[0];
        return first === undefined ? plain : passing(shape.checks, lengths.map((n) => Array.from({ length: Math.max(0, n) }, () => first)), plain);
      }
      case 'tuple':
        return this.tupleSamples(shape, depth, inProgress);
      case 'object':
        return this.objectSamples(shape, depth, inProgress);
      case 'decoded':
        // Samples are what a writer sends: the schema's output.
        return this.samples(shape.output, depth, inProgress);
    }
  }

  private objectSamples(shape: Extract<Shape, { kind: 'object' }>, depth: number, inProgress: Set<string>): Sample[] {
    const base = this.smallest(shape, new Set(inProgress));
    if (base === ABSENT) return [];
    const out: Sample[] = [base];
    // Vary one field at a time around the smallest value, so each sample differs from it in one place.
    for (const f of shape.fields) {
      for (const v of this.samples(f.shape, depth + 1, inProgress)) {
        out.push({ ...(base as object), [f.name]: v });
        if (out.length >= MAX_SAMPLES) return dedupe(out);
      }
    }
    if (shape.index) {
      for (const v of this.samples(shape.index, depth + 1, inProgress).slice(0, 3)) out.push({ ...(base as object), key: v });
    }
    return cap(dedupe(out));
  }

  private tupleSamples(shape: Extract<Shape, { kind: 'tuple' }>, depth: number, inProgress: Set<string>): Sample[] {
    const base = this.smallest(shape, new Set(inProgress));
    if (base === ABSENT) return [];
    const values = base as unknown[];
    const out: Sample[] = [base];
    const restAt = shape.elements.findIndex((e) => e.rest);
    shape.elements.forEach((e, i) => {
      // Where element i sits in the smallest value: a rest element before it contributes nothing there.
      const at = restAt >= 0 && i > restAt ? i - 1 : i;
      if (e.rest) {
        for (const v of this.samples(e.shape, depth + 1, inProgress)) out.push([...values.slice(0, at), v, ...values.slice(at)]);
        return;
      }
      if (values.length < at) return;
      for (const v of this.samples(e.shape, depth + 1, inProgress)) out.push([...values.slice(0, at), v, ...values.slice(at + 1)]);
    });
    return cap(dedupe(out));
  }
}

const cap = (values: Sample[]): Sample[] => values.slice(0, MAX_SAMPLES);

function dedupe(values: Sample[]): Sample[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    // Not JSON.stringify: it prints a Date as its string and cannot print a bigint.
    const key = showValue(v, false).text;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * What a schema writer sends passes its own checks: sample values are ordinary ones that do. When none of the
 * candidates passes (a regex, a custom check), the plain samples stay: the witness then says what it could not show.
 */
function passing(checks: readonly Refinement[], candidates: Sample[], plain: Sample[]): Sample[] {
  const ok = dedupe([...plain, ...candidates]).filter((v) => failedCheck(v, checks) === undefined);
  return ok.length ? cap(ok) : plain;
}

function stringCandidates(checks: readonly Refinement[]): Sample[] {
  const out: Sample[] = ['user@example.com', 'https://example.com', '00000000-0000-4000-8000-000000000000'];
  const at = (n: number) => 'x'.repeat(Math.max(0, n));
  for (const c of checks) {
    if (typeof c.arg === 'number') out.push(at(c.arg), at(c.arg + 1));
    if (typeof c.arg === 'string' && c.name === 'startsWith') out.push(`${c.arg}x`);
    if (typeof c.arg === 'string' && c.name === 'endsWith') out.push(`x${c.arg}`);
    if (typeof c.arg === 'string' && c.name === 'includes') out.push(c.arg);
  }
  return out;
}

function numberCandidates(checks: readonly Refinement[]): Sample[] {
  const out: Sample[] = [1, -1];
  for (const c of checks) {
    if (typeof c.arg === 'number') out.push(c.arg, c.arg + 1, c.arg - 1, Math.ceil(c.arg), Math.floor(c.arg));
  }
  return out;
}
