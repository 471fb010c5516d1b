import type { EnumMember, Field, Method, Shape, WireModel } from '../../../server/src/engine/shape';

/** Hand-built wire models for engine tests that should not depend on TypeScript extraction. */
const at = { file: 'm.ts', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };

export const s = {
  string: { kind: 'string' } as Shape,
  number: { kind: 'number' } as Shape,
  boolean: { kind: 'boolean' } as Shape,
  null: { kind: 'null' } as Shape,
  any: { kind: 'any' } as Shape,
  void: { kind: 'void' } as Shape,
  lit: (value: string | number | boolean): Shape => ({ kind: 'literal', value }),
  ref: (name: string): Shape => ({ kind: 'ref', name }),
  union: (...variants: Shape[]): Shape => ({ kind: 'union', variants }),
  array: (element: Shape): Shape => ({ kind: 'array', element }),
  obj: (fields: Record<string, Shape | [Shape, '?']>): Shape => ({
    kind: 'object',
    fields: Object.entries(fields).map(([name, v]): Field =>
      Array.isArray(v) ? { name, shape: v[0], optional: true, loc: at } : { name, shape: v, optional: false, loc: at },
    ),
  }),
  enum: (members: Record<string, string | number>, implicit = false): Shape => ({
    kind: 'enum',
    members: Object.entries(members).map(([key, value]): EnumMember => ({ key, value, implicit, loc: at })),
  }),
};

export function messages(types: Record<string, Shape>, contracts: string[] = Object.keys(types)): WireModel {
  const model: WireModel = { contracts: {}, types: {} };
  for (const [name, shape] of Object.entries(types)) model.types[name] = { name, shape, loc: at };
  for (const name of contracts) model.contracts[name] = { kind: 'message', name, loc: at, source: 'jsdoc' };
  return model;
}

export function service(name: string, methods: Record<string, { params: [string, Shape, boolean?][]; result: Shape }>, types: Record<string, Shape> = {}): WireModel {
  const model = messages(types, []);
  const ms: Method[] = Object.entries(methods).map(([m, sig]) => ({
    name: m,
    params: sig.params.map(([p, shape, optional]) => ({ name: p, shape, optional: !!optional, loc: at })),
    result: sig.result,
    loc: at,
  }));
  model.contracts[name] = { kind: 'service', name, methods: ms, loc: at, source: 'jsdoc' };
  return model;
}
