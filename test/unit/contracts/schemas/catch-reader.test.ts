import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareModels } from '../../../../server/src/rules';
import { witnessFor } from '../../../../server/src/witness/witness-for';
import { decode, loadSchema } from './run-schemas.js';
import { extractSchemas } from './schema-tree.js';

/**
 * A reader with `.catch(v)` (valibot `fallback(s, v)`) takes any value at that node and replaces what fails with
 * v: a type change under it refuses nothing in the direction that reader reads. The value is replaced, which the
 * real decoder shows; the other direction (its writer sends the new type to the old reader) still breaks.
 */
const LIBRARIES = [
  { label: 'zod 4', header: "import { z } from 'zod';\n", old: 'z.object({ qty: z.number() })', caught: "z.object({ qty: z.string().catch('') })" },
  { label: 'zod 3', header: "import { z } from 'zod3';\n", old: 'z.object({ qty: z.number() })', caught: "z.object({ qty: z.string().catch('') })" },
  { label: 'zod mini', header: "import * as z from 'zod/mini';\n", old: 'z.object({ qty: z.number() })', caught: "z.object({ qty: z.catch(z.string(), '') })" },
  { label: 'valibot', header: "import * as v from 'valibot';\n", old: 'v.object({ qty: v.number() })', caught: "v.object({ qty: v.fallback(v.string(), '') })" },
];

for (const lib of LIBRARIES) {
  describe(`${lib.label}: a .catch() reader`, () => {
    it('a type change under it breaks only where its writer sends the new type; what it reads is replaced, not refused', async () => {
      const [oldSource, newSource] = [`${lib.header}/** @wire */ export const Order = ${lib.old};\n`, `${lib.header}/** @wire */ export const Order = ${lib.caught};\n`];
      const [oldResult, newResult] = [extractSchemas({ 'messages.ts': oldSource }), extractSchemas({ 'messages.ts': newSource })];
      assert.deepEqual([...oldResult.problems, ...newResult.problems], []);
      const { findings } = compareModels(oldResult.model, newResult.model);
      assert.deepEqual(findings.map((f) => `${f.rule} ${f.path} ${f.breaks.join(',')} ${f.severity}`), ['type-changed Order.qty new-to-old error']);
      const [oldSchema, newSchema] = [await loadSchema(oldSource, 'Order'), await loadSchema(newSource, 'Order')];
      // The finding's witness, run: this version writes it, the baseline's reader refuses it.
      const witness = witnessFor(findings[0]!, oldResult.model, newResult.model);
      assert.ok(!('none' in witness));
      assert.equal(witness.writer, 'this version');
      assert.equal(await decode(newSchema, witness.value), 'accepts');
      assert.equal(await decode(oldSchema, witness.value), 'rejects');
      // What old writers send parses with the catch reader, but comes out replaced: accepted, not refused.
      assert.equal(await decode(oldSchema, { qty: 5 }), 'accepts');
      assert.equal(await decode(newSchema, { qty: 5 }), 'changes');
      assert.equal(await decode(newSchema, {}), 'changes');
    });

    it('a field added with .catch() is not required of old writers', () => {
      const added = lib.caught.replace('qty', 'id: ' + (lib.label === 'valibot' ? 'v.number()' : 'z.number()') + ', qty');
      const plain = lib.old.replace('qty', 'id');
      const [oldResult, newResult] = [extractSchemas({ 'messages.ts': `${lib.header}/** @wire */ export const Order = ${plain};\n` }), extractSchemas({ 'messages.ts': `${lib.header}/** @wire */ export const Order = ${added};\n` })];
      assert.deepEqual(compareModels(oldResult.model, newResult.model).findings.map((f) => f.rule), []);
    });
  });
}
