import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareModels } from '../../../../server/src/rules';
import type { Shape } from '../../../../server/src/engine/shape.js';
import { typeShape } from '../extract-helper.js';
import { extractSchemas, plain } from './schema-tree.js';

const str: Shape = { kind: 'string' };
const num: Shape = { kind: 'number' };

/** zod 3 from its own package (`zod3` = zod@3.25) and from zod 4's `zod/v3`: the same API, the same reading. */
for (const [label, specifier] of [
  ['zod 3 (zod@3)', 'zod3'],
  ['zod 3 (zod/v3)', 'zod/v3'],
] as const) {
  const IMPORT = `import { z } from '${specifier}';\n`;
  describe(`${label} schema contracts`, () => {
    it('reads policies, checks, defaults, transforms, tuples with rest, records and lazy refs', () => {
      const { model, problems } = extractSchemas({
        'messages.ts': `${IMPORT}/** @wire */ export const A: z.ZodType<unknown> = z.object({
  a: z.string().email().min(3),
  o: z.number().optional(),
  d: z.number().default(2),
  c: z.number().catch(0),
  t: z.string().transform(Number),
  p: z.object({ x: z.string() }).passthrough(),
  s: z.object({ x: z.string() }),
  k: z.object({ x: z.string() }).catchall(z.number()),
  tup: z.tuple([z.string()]).rest(z.number()),
  e: z.enum(['a', 'b']),
  l: z.lazy(() => A).optional(),
  r: z.record(z.number()),
}).strict();\n`,
      });
      assert.deepEqual(problems, []);
      assert.deepEqual(model.contracts.A?.schema, { library: 'zod3' });
      const shape = plain(typeShape(model, 'A'));
      assert.equal(shape.kind === 'object' && shape.policy, 'strict');
      const fields = shape.kind === 'object' ? Object.fromEntries(shape.fields.map((f) => [f.name, [f.shape, f.optional, !!f.defaulted]])) : {};
      const obj = (policy: string, index?: Shape) => ({ kind: 'object', fields: [{ name: 'x', shape: str, optional: false }], policy, ...(index ? { index } : {}) });
      assert.deepEqual(fields, {
        a: [{ kind: 'string', checks: [{ name: 'email' }, { name: 'min', arg: 3 }] }, false, false],
        o: [num, true, false],
        d: [num, false, true],
        c: [{ kind: 'decoded', input: { kind: 'any' }, output: num }, false, true],
        t: [{ kind: 'decoded', input: str, output: num }, false, false],
        p: [obj('lenient'), false, false],
        s: [obj('strip'), false, false],
        k: [obj('lenient', num), false, false],
        tup: [{ kind: 'tuple', elements: [{ shape: str, optional: false }, { shape: num, optional: true, rest: true }] }, false, false],
        e: [{ kind: 'union', variants: [{ kind: 'literal', value: 'a' }, { kind: 'literal', value: 'b' }] }, false, false],
        l: [{ kind: 'ref', name: 'A' }, true, false],
        r: [{ kind: 'object', fields: [], index: num }, false, false],
      });
    });

    it('finds a required field added', () => {
      const before = extractSchemas({ 'messages.ts': `${IMPORT}/** @wire */ export const A = z.object({ id: z.string() });\n` }).model;
      const after = extractSchemas({ 'messages.ts': `${IMPORT}/** @wire */ export const A = z.object({ id: z.string(), n: z.number() });\n` }).model;
      assert.deepEqual(compareModels(before, after).findings.map((f) => `${f.rule} ${f.path} ${f.breaks.join(',')}`), ['field-required-added A.n old-to-new']);
    });
  });
}
