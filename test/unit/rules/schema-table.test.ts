import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareModels, ruleById, type Finding } from '../../../server/src/rules';
import { witnessFor } from '../../../server/src/witness/witness-for';
import { extractSchemas, REPO_ROOT } from '../contracts/schemas/schema-tree';
import { checkWitness } from '../witness/sides';
import { decode, loadSchema } from '../witness/run-decoders';

/**
 * The reader-policy table of docs/schemas.md (issue 11), row by row, for zod 4, zod 3 and valibot: real schema
 * sources extracted as the product does, compared with every rule; every witness is checked by the model's
 * validator and by running the real decoders (the writer's schema accepts it, the reader's rejects it).
 */
interface Dialect {
  import: string;
  object: (fields: string) => string;
  strict: (fields: string) => string;
  loose: (fields: string) => string;
  string: string;
  number: string;
  optional: (schema: string) => string;
  defaulted: (schema: string, value: string) => string;
  check: (base: string, ...checks: string[]) => string;
  picklist: (values: string[]) => string;
  custom: string;
}

const zod = (from: string, strict: (f: string) => string, loose: (f: string) => string): Dialect => ({
  import: `import { z } from '${from}';`,
  object: (f) => `z.object({ ${f} })`,
  strict,
  loose,
  string: 'z.string()',
  number: 'z.number()',
  optional: (s) => `${s}.optional()`,
  defaulted: (s, v) => `${s}.default(${v})`,
  check: (base, ...checks) => `${base}${checks.map((c) => `.${c}`).join('')}`,
  picklist: (values) => `z.enum([${values.map((v) => JSON.stringify(v)).join(', ')}])`,
  custom: 'refine((s) => s.length > 0)',
});

const dialects: Record<string, Dialect> = {
  zod4: zod('zod', (f) => `z.strictObject({ ${f} })`, (f) => `z.looseObject({ ${f} })`),
  zod3: zod('zod3', (f) => `z.object({ ${f} }).strict()`, (f) => `z.object({ ${f} }).passthrough()`),
  valibot: {
    import: "import * as v from 'valibot';",
    object: (f) => `v.object({ ${f} })`,
    strict: (f) => `v.strictObject({ ${f} })`,
    loose: (f) => `v.looseObject({ ${f} })`,
    string: 'v.string()',
    number: 'v.number()',
    optional: (s) => `v.optional(${s})`,
    defaulted: (s, v) => `v.optional(${s}, ${v})`,
    check: (base, ...checks) => `v.pipe(${[base, ...checks.map((c) => `v.${VALIBOT_CHECK[c] ?? c}`)].join(', ')})`,
    picklist: (values) => `v.picklist([${values.map((x) => JSON.stringify(x)).join(', ')}])`,
    custom: 'check((s) => s.length > 0)',
  },
};

/** zod's spelling of a check → valibot's. */
const VALIBOT_CHECK: Record<string, string> = { 'int()': 'integer()', 'min(3)': 'minLength(3)', 'min(5)': 'minLength(5)', 'email()': 'email()', 'regex(/^[a-z]+$/)': 'regex(/^[a-z]+$/)' };

type Policy = 'lenient' | 'strip' | 'strict';
const objectOf = (d: Dialect, policy: Policy, fields: string) => (policy === 'strict' ? d.strict(fields) : policy === 'lenient' ? d.loose(fields) : d.object(fields));

interface Row {
  name: string;
  old: (d: Dialect, p: Policy) => string;
  new: (d: Dialect, p: Policy) => string;
  /** The findings per policy, as `rule path breaks`; `roundtrip` marks both schemas `@roundtrip`. */
  expect: Record<Policy, string[]>;
  roundtrip?: boolean;
}

const id = (d: Dialect) => `id: ${d.string}`;
const rows: Row[] = [
  {
    name: 'writer adds an optional field',
    old: (d, p) => objectOf(d, p, id(d)),
    new: (d, p) => objectOf(d, p, `${id(d)}, coupon: ${d.optional(d.string)}`),
    expect: { lenient: [], strip: [], strict: ['strict-reader-undeclared-field Order.coupon new-to-old'] },
  },
  {
    name: 'writer adds an optional field, the reader writes back what it read',
    old: (d, p) => objectOf(d, p, id(d)),
    new: (d, p) => objectOf(d, p, `${id(d)}, coupon: ${d.optional(d.string)}`),
    roundtrip: true,
    expect: { lenient: [], strip: ['strip-reader-drops-field Order.coupon new-to-old'], strict: ['strict-reader-undeclared-field Order.coupon new-to-old'] },
  },
  {
    name: 'reader adds a required field without default',
    old: (d, p) => objectOf(d, p, id(d)),
    new: (d, p) => objectOf(d, p, `${id(d)}, total: ${d.number}`),
    expect: {
      lenient: ['field-required-added Order.total old-to-new'],
      strip: ['field-required-added Order.total old-to-new'],
      strict: ['field-required-added Order.total old-to-new', 'strict-reader-undeclared-field Order.total new-to-old'],
    },
  },
  {
    name: 'reader adds a field with a default',
    old: (d, p) => objectOf(d, p, id(d)),
    new: (d, p) => objectOf(d, p, `${id(d)}, retries: ${d.defaulted(d.number, '3')}`),
    // Safe to read; a strict baseline reader still refuses the key every new writer now sends (row one).
    expect: { lenient: [], strip: [], strict: ['strict-reader-undeclared-field Order.retries new-to-old'] },
  },
  {
    name: 'reader object made strict while old writers send a key it does not declare',
    old: (d) => objectOf(d, 'strip', `${id(d)}, note: ${d.optional(d.string)}`),
    new: (d, p) => objectOf(d, p, id(d)),
    expect: { lenient: [], strip: [], strict: ['strict-reader-undeclared-field Order.note old-to-new'] },
  },
  {
    name: 'reader object made strict, same keys',
    old: (d) => objectOf(d, 'strip', id(d)),
    new: (d, p) => objectOf(d, p, id(d)),
    expect: { lenient: [], strip: [], strict: [] },
  },
  {
    name: 'reader adds refinements (int, tighter min, regex, email)',
    old: (d, p) => objectOf(d, p, `qty: ${d.number}, name: ${d.check(d.string, 'min(3)')}, code: ${d.string}, email: ${d.string}`),
    new: (d, p) =>
      objectOf(d, p, `qty: ${d.check(d.number, 'int()')}, name: ${d.check(d.string, 'min(5)')}, code: ${d.check(d.string, 'regex(/^[a-z]+$/)')}, email: ${d.check(d.string, 'email()')}`),
    expect: Object.fromEntries(
      (['lenient', 'strip', 'strict'] as const).map((p) => [p, ['qty', 'name', 'code', 'email'].map((f) => `reader-refinement-added Order.${f} old-to-new`)]),
    ) as Record<Policy, string[]>,
  },
  {
    name: 'reader adds a custom refinement',
    old: (d, p) => objectOf(d, p, `name: ${d.string}`),
    new: (d, p) => objectOf(d, p, `name: ${d.check(d.string, d.custom)}`),
    expect: { lenient: ['reader-refinement-added Order.name old-to-new'], strip: ['reader-refinement-added Order.name old-to-new'], strict: ['reader-refinement-added Order.name old-to-new'] },
  },
  {
    name: 'enum widened',
    old: (d, p) => objectOf(d, p, `status: ${d.picklist(['open', 'paid'])}`),
    new: (d, p) => objectOf(d, p, `status: ${d.picklist(['open', 'paid', 'void'])}`),
    expect: { lenient: ['union-variant-added Order.status new-to-old'], strip: ['union-variant-added Order.status new-to-old'], strict: ['union-variant-added Order.status new-to-old'] },
  },
];

const scratch = fs.mkdtempSync(path.join(REPO_ROOT, 'test', '.schema-table-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

const POLICIES = ['lenient', 'strip', 'strict'] as const;
/** Every row and policy is its own contract in one file per side, so each library is extracted once per side. */
const contractName = (row: number, policy: Policy) => `Order${row}${policy[0]!.toUpperCase()}${policy.slice(1)}`;
const declaration = (name: string, schema: string, roundtrip: boolean) => `/**\n * @wire${roundtrip ? '\n * @roundtrip' : ''}\n */\nexport const ${name} = ${schema};\n`;
const sourceOf = (d: Dialect, side: 'old' | 'new') =>
  [d.import, ...rows.flatMap((row, i) => POLICIES.map((p) => declaration(contractName(i, p), row[side](d, p), row.roundtrip ?? false)))].join('\n');
const line = (f: Finding) => `${f.rule} ${f.path} ${f.breaks.join(',')}`;

for (const [library, d] of Object.entries(dialects)) {
  describe(`reader-policy table, ${library}`, () => {
    const dir = path.join(scratch, library);
    const texts = { old: sourceOf(d, 'old'), new: sourceOf(d, 'new') };
    for (const side of ['old', 'new'] as const) {
      fs.mkdirSync(path.join(dir, side), { recursive: true });
      fs.writeFileSync(path.join(dir, side, 'messages.ts'), texts[side]);
    }
    const oldSide = extractSchemas({ 'messages.ts': texts.old });
    const newSide = extractSchemas({ 'messages.ts': texts.new });
    const { findings } = compareModels(oldSide.model, newSide.model);

    it('both versions extract without problems', () => assert.deepEqual([...oldSide.problems, ...newSide.problems].map((p) => p.message), []));

    rows.forEach((row, i) => {
      for (const policy of POLICIES) {
        const name = contractName(i, policy);
        it(`${row.name} (${policy} reader)`, async () => {
          const mine = findings.filter((f) => f.contract === name);
          assert.deepEqual(mine.map(line), row.expect[policy].map((l) => l.replace('Order.', `${name}.`)));
          for (const f of mine) {
            const witness = witnessFor(f, oldSide.model, newSide.model);
            if ('none' in witness) {
              // Only warnings may lack a witness, and they say why.
              assert.notEqual(f.severity, 'error', `no witness for ${line(f)}: ${witness.none}`);
              assert.ok(ruleById(f.rule)?.meta.noWitness || witness.none.includes("runs the schema's own code"), witness.none);
              continue;
            }
            assert.equal(checkWitness(f, witness, oldSide.model, newSide.model), undefined);
            const oldWrites = witness.writer === 'baseline';
            const writer = await loadSchema(path.join(dir, oldWrites ? 'old' : 'new'), name);
            const reader = await loadSchema(path.join(dir, oldWrites ? 'new' : 'old'), name);
            assert.ok(writer && reader);
            assert.notEqual(await decode(writer, witness.value), 'rejects', `${line(f)}: the writer's schema rejects ${JSON.stringify(witness.value)}`);
            assert.equal(await decode(reader, witness.value), 'rejects', `${line(f)}: the reader's schema accepts ${JSON.stringify(witness.value)}`);
          }
        });
      }
    });
  });
}
