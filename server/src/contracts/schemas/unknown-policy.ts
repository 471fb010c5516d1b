import type { Shape } from '../../engine/shape.js';

export const UNKNOWN_POLICY =
  "Skew cannot read this schema's construction, and its type does not say what its objects do with keys they do not declare: they are assumed lenient (a strict reader here would be missed).";

/** What a reader accepts where a schema node decodes one shape into another. */
export function readerSide(shape: Shape): Shape {
  return shape.kind === 'decoded' ? shape.input : shape;
}

/** Whether the shape (not through refs: a named schema was read from its own construction) holds an object read from types. */
export function objectWithoutPolicy(shape: Shape): boolean {
  switch (shape.kind) {
    case 'object':
      // A record (`{ [k]: V }` and no fields) has no keys to be strict about.
      return (shape.policy === undefined && shape.fields.length > 0) || shape.fields.some((f) => objectWithoutPolicy(f.shape)) || (shape.index !== undefined && objectWithoutPolicy(shape.index));
    case 'array':
      return objectWithoutPolicy(shape.element);
    case 'tuple':
      return shape.elements.some((e) => objectWithoutPolicy(e.shape));
    case 'union':
      return shape.variants.some(objectWithoutPolicy);
    case 'decoded':
      return objectWithoutPolicy(shape.input);
    default:
      return false;
  }
}
