import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { directRefs } from '../../../server/src/engine/reach';
import type { Shape } from '../../../server/src/engine/shape';

const ref = (name: string): Shape => ({ kind: 'ref', name });

describe('directRefs', () => {
  it('lists the names a shape mentions in the order they appear, without following them', () => {
    const shape: Shape = {
      kind: 'object',
      fields: [
        { name: 'b', shape: ref('B'), optional: false },
        { name: 'a', shape: { kind: 'union', variants: [ref('A'), { kind: 'array', element: ref('C') }] }, optional: false },
        { name: 't', shape: { kind: 'tuple', elements: [{ shape: ref('E'), optional: false }, { shape: ref('B'), optional: false }] }, optional: true },
      ],
      index: ref('D'),
    };
    assert.deepEqual([...directRefs([shape, ref('F')])], ['B', 'A', 'C', 'E', 'D', 'F']);
  });
});
