import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Shape } from '../../../../server/src/engine/shape.js';
import { typeShape } from '../extract-helper.js';
import { extractSchemas, plain } from './schema-tree.js';

const str: Shape = { kind: 'string' };
const num: Shape = { kind: 'number' };

describe('zod mini schema contracts', () => {
  it('reads functional wrappers and checks: z.optional(s), z._default(s, v), .check(z.minLength(3))', () => {
    const { model, problems } = extractSchemas({
      'messages.ts': `import * as z from 'zod/mini';
/** @wire */ export const A = z.strictObject({
  a: z.string().check(z.minLength(3), z.maxLength(5)),
  b: z.optional(z.number()),
  c: z._default(z.number(), 1),
  d: z.looseObject({}),
  e: z.pipe(z.string(), z.transform((s) => s.length)),
  ar: z.array(z.string()).check(z.minLength(1)),
  n: z.nullable(z.string()),
  x: z.extend(z.object({ a: z.string() }), { b: z.number() }),
  i: z.int(),
  ct: z.catchall(z.object({}), z.string()),
});\n`,
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(model.contracts.A?.schema, { library: 'zod-mini' });
    const shape = plain(typeShape(model, 'A'));
    assert.equal(shape.kind === 'object' && shape.policy, 'strict');
    const fields = shape.kind === 'object' ? Object.fromEntries(shape.fields.map((f) => [f.name, [f.shape, f.optional, !!f.defaulted]])) : {};
    assert.deepEqual(fields, {
      a: [{ kind: 'string', checks: [{ name: 'minLength', arg: 3 }, { name: 'maxLength', arg: 5 }] }, false, false],
      b: [num, true, false],
      c: [num, false, true],
      d: [{ kind: 'object', fields: [], policy: 'lenient' }, false, false],
      e: [{ kind: 'decoded', input: str, output: num }, false, false],
      ar: [{ kind: 'array', element: str, checks: [{ name: 'minLength', arg: 1 }] }, false, false],
      n: [{ kind: 'union', variants: [{ kind: 'null' }, str] }, false, false],
      x: [{ kind: 'object', fields: [{ name: 'a', shape: str, optional: false }, { name: 'b', shape: num, optional: false }], policy: 'strip' }, false, false],
      i: [{ kind: 'number', checks: [{ name: 'int' }] }, false, false],
      ct: [{ kind: 'object', fields: [], policy: 'lenient', index: str }, false, false],
    });
  });
});
