import type { Method, Shape } from './shape';

/** A call's parameters as a JSON array; extra trailing arguments are ignored, as a JavaScript callee does. */
export function requestShape(method: Method): Shape {
  return {
    kind: 'tuple',
    elements: [
      ...method.params.map((p) => ({ shape: p.shape, optional: p.optional })),
      { shape: { kind: 'any' }, optional: true, rest: true },
    ],
  };
}

/** The calls a server accepts through any of its overloads of one method. */
export function requestsOf(overloads: readonly Method[]): Shape {
  const [only, ...more] = overloads.map(requestShape);
  return only && more.length === 0 ? only : { kind: 'union', variants: only ? [only, ...more] : [] };
}
