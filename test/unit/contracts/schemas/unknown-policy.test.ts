import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UNKNOWN_POLICY } from '../../../../server/src/contracts/schemas/unknown-policy.js';
import { decode, loadSchema } from './run-schemas.js';
import { extractSchemas } from './schema-tree.js';

/**
 * Where a schema's construction is not understood (a helper function that builds it), it is read from its types,
 * which do not say how its objects treat keys they do not declare. Skew assumes lenient and says so at that spot.
 */
const LIBRARIES = [
  { label: 'zod 4', header: "import { z } from 'zod';\n", made: 'z.strictObject({ a: z.string() })', wrap: (s: string) => `z.object({ made: ${s}, t: z.string().transform((s) => ({ n: s.length })), r: z.record(z.string(), z.number()) })` },
  { label: 'zod 3', header: "import { z } from 'zod3';\n", made: 'z.object({ a: z.string() }).strict()', wrap: (s: string) => `z.object({ made: ${s}, t: z.string().transform((s) => ({ n: s.length })), r: z.record(z.number()) })` },
  { label: 'valibot', header: "import * as v from 'valibot';\n", made: 'v.strictObject({ a: v.string() })', wrap: (s: string) => `v.object({ made: ${s}, t: v.pipe(v.string(), v.transform((s) => ({ n: s.length }))), r: v.record(v.string(), v.number()) })` },
];

for (const lib of LIBRARIES) {
  describe(`${lib.label}: an object read from types`, () => {
    it('is assumed lenient, with a note where it is written; transform outputs and records are not noted', async () => {
      const source = `${lib.header}const make = () => ${lib.made};\n/** @wire */ export const A = ${lib.wrap('make()')};\n`;
      const { model, problems } = extractSchemas({ 'messages.ts': source });
      const line = source.split('\n')[2]!;
      assert.deepEqual(
        problems.map((p) => `${p.range.start.line + 1}:${p.range.start.character} ${p.message}`),
        [`3:${line.indexOf('make()')} ${UNKNOWN_POLICY}`],
      );
      const a = model.types.A?.shape;
      const made = a?.kind === 'object' ? a.fields.find((f) => f.name === 'made')?.shape : undefined;
      assert.equal(made?.kind === 'object' && made.policy, undefined);
      // Why it is said: the real reader there is strict, which the types could not tell.
      assert.equal(await decode(await loadSchema(source, 'A'), { made: { a: 'x', extra: 1 }, t: 'x', r: {} }), 'rejects');
    });
  });
}

describe('zod 4: a policy call on an object read from types', () => {
  const header = "import { z } from 'zod';\n";
  const problemsOf = (made: string) => {
    const source = `${header}const make = () => ${made};\n/** @wire */ export const A = make().strict();\n`;
    return extractSchemas({ 'messages.ts': source }).problems.map((p) => p.message);
  };

  it('decides the policy of that object: no note when it has no objects below', () => {
    assert.deepEqual(problemsOf('z.object({ id: z.string() })'), []);
  });

  it('says nothing of the objects below it: one note for them', () => {
    assert.deepEqual(problemsOf('z.object({ id: z.string(), inner: z.strictObject({ a: z.string() }) })'), [UNKNOWN_POLICY]);
  });
});
