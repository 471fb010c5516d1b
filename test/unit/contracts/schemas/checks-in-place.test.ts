import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareModels } from '../../../../server/src/rules';
import { typeShape } from '../extract-helper.js';
import { decode, loadSchema } from './run-schemas.js';
import { extractSchemas, plain } from './schema-tree.js';

/**
 * A check written on a named schema (`Base.refine(...)`) or on a union belongs to that use: the reader that
 * has it rejects values the same schema without it accepts. Each case is run through the real library too.
 */
interface Library {
  label: string;
  header: string;
  object(fields: string): string;
  union(options: string[]): string;
  refine(schema: string): string;
}

const zod4: Library = {
  label: 'zod 4',
  header: "import { z } from 'zod';\n",
  object: (fields) => `z.object({ ${fields} })`,
  union: (options) => `z.union([${options.join(', ')}])`,
  refine: (s) => `${s}.refine((o) => JSON.stringify(o).length < 30)`,
};
const zod4Check: Library = { ...zod4, label: 'zod 4 .check()', refine: (s) => `${s}.check((ctx) => { if (JSON.stringify(ctx.value).length >= 30) ctx.issues.push({ code: 'custom', message: 'long', input: ctx.value }); })` };
const zod3: Library = { ...zod4, label: 'zod 3', header: "import { z } from 'zod3';\n", refine: (s) => `${s}.superRefine((o, ctx) => { if (JSON.stringify(o).length >= 30) ctx.addIssue({ code: 'custom', message: 'long' }); })` };
const valibot: Library = {
  label: 'valibot',
  header: "import * as v from 'valibot';\n",
  object: (fields) => `v.object({ ${fields.replace(/z\./g, 'v.')} })`,
  union: (options) => `v.union([${options.join(', ')}])`,
  refine: (s) => `v.pipe(${s}, v.check((o) => JSON.stringify(o).length < 30))`,
};

const LONG = { type: 'base', note: 'a note long enough to fail' };

async function compare(lib: Library, before: string, after: string) {
  const [oldSource, newSource] = [lib.header + before, lib.header + after];
  const oldResult = extractSchemas({ 'messages.ts': oldSource });
  const newResult = extractSchemas({ 'messages.ts': newSource });
  assert.deepEqual([...oldResult.problems, ...newResult.problems], []);
  const { findings } = compareModels(oldResult.model, newResult.model);
  // What the warning says, run: the baseline's reader takes the value, this version's rejects it.
  assert.equal(await decode(await loadSchema(oldSource, 'Msg'), LONG), 'accepts');
  assert.equal(await decode(await loadSchema(newSource, 'Msg'), LONG), 'rejects');
  return { findings: findings.map((f) => `${f.rule} ${f.path} ${f.breaks.join(',')} ${f.severity}`), model: newResult.model };
}

for (const lib of [zod4, zod4Check, zod3, valibot]) {
  describe(`${lib.label}: a check on a named schema or a union is kept`, () => {
    const base = `export const Base = ${lib.object("type: z.literal('base'), note: z.string()")};\n`;

    it('a check on a ref is a reader-refinement-added warning, and lives on the use, not on the named schema', async () => {
      const { findings, model } = await compare(lib, `${base}/** @wire */ export const Msg = Base;\n/** @wire */ export const Other = Base;\n`, `${base}/** @wire */ export const Msg = ${lib.refine('Base')};\n/** @wire */ export const Other = Base;\n`);
      assert.deepEqual(findings, ['reader-refinement-added Msg old-to-new warning']);
      const msg = plain(typeShape(model, 'Msg'));
      assert.equal(msg.kind === 'object' && msg.checks?.length, 1);
      const other = plain(typeShape(model, 'Other'));
      assert.equal(other.kind, 'ref');
    });

    it('a check on a union of named schemas is kept on each variant (variants told apart by their tag)', async () => {
      const ab = `${base}export const Ping = ${lib.object("type: z.literal('ping'), at: z.number()")};\n`;
      const options = ['Base', 'Ping'];
      const { findings } = await compare(lib, `${ab}/** @wire */ export const Msg = ${lib.union(options)};\n`, `${ab}/** @wire */ export const Msg = ${lib.refine(lib.union(options))};\n`);
      assert.deepEqual(findings.sort(), ['reader-refinement-added Msg[type="base"] old-to-new warning', 'reader-refinement-added Msg[type="ping"] old-to-new warning']);
    });
  });
}
