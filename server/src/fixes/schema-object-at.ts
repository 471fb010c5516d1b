import { resolve } from '../engine/readable';
import { childShape, type PathStep } from '../engine/path-steps';
import type { ObjectShape, Shape, WireModel } from '../engine/shape';

/**
 * The object a finding's steps lead to in one model, as its reader sees it (a decoder's input): where a
 * schema's unknown-key policy is set. Union variants are chosen by tag, or by the field the next step names.
 */
export function readerObjectAt(model: WireModel, contract: string, steps: readonly PathStep[]): ObjectShape | undefined {
  const c = model.contracts[contract];
  if (!c) return undefined;
  let shape: Shape | undefined;
  let rest = steps;
  if (c.kind === 'service') {
    const [method, flow, ...more] = steps;
    const m = method?.kind === 'method' ? c.methods.find((x) => x.name === method.name) : undefined;
    if (!m || !flow) return undefined;
    shape = flow.kind === 'result' ? m.result : flow.kind === 'param' ? m.params[flow.index]?.shape : undefined;
    rest = more;
  } else {
    shape = model.types[contract]?.shape;
  }
  for (const [i, step] of rest.entries()) {
    const here = shape && unwrap(shape, model, rest[i]);
    shape = here && stepInto(here, step);
  }
  const found = shape && unwrap(shape, model, undefined);
  return found?.kind === 'object' ? found : undefined;
}

/** Refs followed, decoders read as their input, a union narrowed to the variant `next` can step into. */
function unwrap(shape: Shape, model: WireModel, next: PathStep | undefined): Shape | undefined {
  let s = resolve(shape, model);
  for (let hops = 0; s.kind === 'decoded' && hops < 16; hops++) s = resolve(s.input, model);
  if (s.kind !== 'union') return s;
  const variants = s.variants.map((v) => unwrap(v, model, next)).filter((v): v is Shape => v !== undefined);
  if (next?.kind === 'variant') {
    return variants.find((v) => v.kind === 'object' && v.fields.some((f) => f.name === next.tag && f.shape.kind === 'literal' && f.shape.value === next.value));
  }
  if (next?.kind === 'field') return variants.find((v) => v.kind === 'object' && v.fields.some((f) => f.name === next.name));
  return variants.find((v) => v.kind === 'object') ?? variants[0];
}

function stepInto(shape: Shape, step: PathStep): Shape | undefined {
  return step.kind === 'variant' ? shape : childShape(shape, step);
}
