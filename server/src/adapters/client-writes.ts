import type { Field, Shape } from '../engine/shape.js';

/**
 * An RPC client (tRPC, oRPC) writes its input parser's input type (`z.input`), not what the parser outputs: a
 * defaulted key is one it may leave out, and a transform's input is what it sends. Made explicit here, so both views of the model
 * (writer and reader) see the input side, while the reader's policy and checks stay for the server.
 */
export function asClientWrites(shape: Shape): Shape {
  switch (shape.kind) {
    case 'decoded':
      // `.catch()` reads anything there; the client still writes the declared type.
      return asClientWrites(shape.input.kind === 'any' ? shape.output : shape.input);
    case 'object': {
      const fields = shape.fields.map((f): Field => {
        const { defaulted, ...rest } = f;
        return { ...rest, shape: asClientWrites(f.shape), optional: f.optional || defaulted === true };
      });
      return { ...shape, fields, ...(shape.index ? { index: asClientWrites(shape.index) } : {}) };
    }
    case 'array':
      return { ...shape, element: asClientWrites(shape.element) };
    case 'tuple':
      return { ...shape, elements: shape.elements.map((e) => ({ ...e, shape: asClientWrites(e.shape) })) };
    case 'union':
      return { ...shape, variants: shape.variants.map(asClientWrites) };
    default:
      return shape;
  }
}
