import { readable, resolve } from '../engine/readable';
import type { Codec, Shape, WireModel } from '../engine/shape';
import { mismatches, validate } from './validate';
import { samples } from './values';

/** How many variants one search may steer away from: each step changes the value in one place. */
const MAX_STEPS = 24;

interface Sides {
  writer: WireModel;
  reader: WireModel;
  codec: Codec;
}

const rejects = (value: unknown, reader: Shape, sides: Sides) => mismatches(value, reader, sides.reader, { codec: sides.codec }).length > 0;
const writes = (value: unknown, writer: Shape, sides: Sides) => validate(value, writer, sides.writer, { exact: true, codec: sides.codec }).ok;

/**
 * A value `writer` produces that `reader` rejects, found by steering rather than by luck: a union reader accepts a
 * value when any one variant does, and the first few samples of a large writer are usually accepted by some
 * variant that differs elsewhere (`private: false` where the writer also allows `true`). Each step takes a
 * variant that still accepts the value and changes it in one place the writer allows and that variant does not.
 */
export function counterexample(writer: Shape, reader: Shape, sides: Sides, depth = 0): { value: unknown } | undefined {
  const w = resolve(writer, sides.writer);
  // A union writer: its variants the reader cannot read are where a rejected value lives.
  const writerVariants = w.kind === 'union' ? w.variants : [writer];
  const env = { writer: sides.writer, reader: sides.reader };
  const unreadable = writerVariants.filter((v) => !readable(v, reader, env));
  const ordered = [...unreadable, ...writerVariants.filter((v) => !unreadable.includes(v))];
  for (const variant of ordered) {
    const start = samples(variant, sides.writer, sides.codec);
    const plain = start.find((v) => rejects(v, reader, sides));
    if (plain !== undefined) return { value: plain };
    if (depth > 3) continue;
    const [first] = start;
    if (first === undefined) continue;
    let value: unknown = first;
    for (let step = 0; step < MAX_STEPS; step++) {
      const accepting = acceptingVariant(value, reader, sides);
      if (!accepting) return { value };
      const next = steer(value, variant, accepting, sides, depth);
      if (next === undefined) break;
      value = next.value;
    }
  }
  return undefined;
}

/** The reader variant (or the reader itself) that accepts `value`, if any does. */
function acceptingVariant(value: unknown, reader: Shape, sides: Sides): Shape | undefined {
  const r = resolve(reader, sides.reader);
  const variants = r.kind === 'union' ? r.variants : [reader];
  return variants.find((v) => !rejects(value, v, sides));
}

/** `value` changed in one place so that `variant` rejects it while `writer` still writes it. */
function steer(value: unknown, writer: Shape, variant: Shape, sides: Sides, depth: number): { value: unknown } | undefined {
  const w = resolve(writer, sides.writer);
  const r = resolve(variant, sides.reader);
  const accept = (candidate: unknown) => writes(candidate, writer, sides) && rejects(candidate, variant, sides);
  if (w.kind === 'object' && r.kind === 'object' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const rf of r.fields) {
      const wf = w.fields.find((f) => f.name === rf.name);
      if (!wf) continue;
      // A field the reader requires and the writer may leave out.
      if (!rf.optional && wf.optional && rf.name in record) {
        const { [rf.name]: _dropped, ...rest } = record;
        if (accept(rest)) return { value: rest };
      }
      const inner = counterexample(wf.shape, rf.shape, sides, depth + 1);
      if (inner) {
        const candidate = { ...record, [rf.name]: inner.value };
        if (accept(candidate)) return { value: candidate };
      }
    }
    return undefined;
  }
  const inner = counterexample(writer, variant, sides, depth + 1);
  return inner && accept(inner.value) ? inner : undefined;
}
