import type { Field, ObjectShape, ReaderPolicy, Refinement, Shape, WireModel } from '../../../server/src/engine/shape';
import { messages, s, service } from './models';

/** Hand-built schema models: what the extractor makes of `z.object(...)` and friends, without TypeScript. */
const at = (line: number) => ({ file: 'schemas.ts', range: { start: { line, character: 0 }, end: { line, character: 1 } } });

type FieldSpec = Shape | [Shape, '?'] | [Shape, '='];

/** A schema object: `'?'` optional, `'='` with `.default()`. */
export function zobj(policy: ReaderPolicy, fields: Record<string, FieldSpec>, extra: Partial<ObjectShape> = {}): ObjectShape {
  return {
    kind: 'object',
    policy,
    policyLoc: at(3),
    fields: Object.entries(fields).map(([name, v]): Field => {
      if (!Array.isArray(v)) return { name, shape: v, optional: false, loc: at(4) };
      return v[1] === '?' ? { name, shape: v[0], optional: true, loc: at(4) } : { name, shape: v[0], optional: false, defaulted: true, loc: at(4) };
    }),
    ...extra,
  };
}

export const checked = (shape: Shape, ...checks: [string, (string | number)?][]): Shape => ({
  ...shape,
  checks: checks.map(([name, arg]): Refinement => (arg === undefined ? { name, loc: at(5) } : { name, arg, loc: at(5) })),
}) as Shape;

export const decoded = (input: Shape, output: Shape): Shape => ({ kind: 'decoded', input, output });

/** Message contracts declared by zod 4 schemas. */
export function schemas(types: Record<string, Shape>, options: { roundtrip?: boolean } = {}): WireModel {
  const model = messages(types);
  for (const c of Object.values(model.contracts)) c.schema = { library: 'zod4', ...(options.roundtrip ? { roundtrip: true } : {}) };
  return model;
}

export { messages, s, service };
