import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareModels, ruleById, type Finding } from '../../../../server/src/rules';
import { witnessFor } from '../../../../server/src/witness/witness-for';
import { DIALECTS, type Check, type Dialect, type Policy } from './dialects.js';
import { decode, loadSchema } from './run-schemas.js';
import { extractSchemas } from './schema-tree.js';

/**
 * The reader-policy table of issue 11 (docs/schemas.md), one fixture per row for zod 3, zod 4 and valibot: the
 * two versions are extracted from source, compared with every rule, and each finding's witness is run through
 * the real decoders: the writing version's schema accepts it, the reading version's rejects or changes it.
 */
interface Version {
  policy: Policy;
  fields: (d: Dialect) => Record<string, string>;
  tags?: string;
}

const base = (d: Dialect) => ({ id: d.string, qty: d.number });

function source(d: Dialect, version: Version): string {
  return `${d.header}/** @wire${version.tags ?? ''} */\nexport const Order = ${d.object(version.policy, version.fields(d))};\n`;
}

async function check(d: Dialect, before: Version, after: Version): Promise<string[]> {
  const [oldSource, newSource] = [source(d, before), source(d, after)];
  const oldResult = extractSchemas({ 'messages.ts': oldSource });
  const newResult = extractSchemas({ 'messages.ts': newSource });
  assert.deepEqual([...oldResult.problems, ...newResult.problems], []);
  const { findings } = compareModels(oldResult.model, newResult.model);
  const schemas = { baseline: await loadSchema(oldSource, 'Order'), 'this version': await loadSchema(newSource, 'Order') };
  for (const finding of findings) await executeWitness(finding, oldResult.model, newResult.model, schemas);
  return findings.map((f) => `${f.rule} ${f.path} ${f.breaks.join(',')} ${f.severity}`);
}

/** Every finding's witness, run: the writer's schema takes it as it is, the reader's refuses it or changes it. */
async function executeWitness(finding: Finding, oldModel: Parameters<typeof witnessFor>[1], newModel: Parameters<typeof witnessFor>[2], schemas: Record<'baseline' | 'this version', Parameters<typeof decode>[0]>) {
  const witness = witnessFor(finding, oldModel, newModel);
  if ('none' in witness) {
    // Only a user's own function, or a rule that says no single value can show it, goes without a witness.
    if (!ruleById(finding.rule)?.meta.noWitness) assert.match(witness.none, /refine|check|function/, `${finding.rule} ${finding.path}: ${witness.none}`);
    return;
  }
  const reader = witness.writer === 'baseline' ? 'this version' : 'baseline';
  assert.equal(await decode(schemas[witness.writer], witness.value), 'accepts', `${finding.rule}: ${witness.writer} writes ${JSON.stringify(witness.value)}`);
  assert.notEqual(await decode(schemas[reader], witness.value), 'accepts', `${finding.rule}: ${reader} reads ${JSON.stringify(witness.value)} unchanged`);
}

const withField = (name: string, field: (d: Dialect) => string) => (d: Dialect) => ({ ...base(d), [name]: field(d) });
const checkedQty = (checks: Check[], on: 'qty' | 'id' = 'qty') => (d: Dialect) => ({ ...base(d), [on]: d.checked(on === 'qty' ? d.number : d.string, checks) });

for (const d of DIALECTS) {
  describe(`${d.label}: the reader-policy table`, () => {
    it('writer adds an optional field: safe for lenient and strip readers, new-to-old for a strict one', async () => {
      const coupon = withField('coupon', (x) => x.optional(x.string));
      assert.deepEqual(await check(d, { policy: 'lenient', fields: base }, { policy: 'lenient', fields: coupon }), []);
      assert.deepEqual(await check(d, { policy: 'strip', fields: base }, { policy: 'strip', fields: coupon }), []);
      assert.deepEqual(await check(d, { policy: 'strict', fields: base }, { policy: 'strict', fields: coupon }), ['strict-reader-undeclared-field Order.coupon new-to-old error']);
    });

    it('writer adds an optional field to a strip reader that writes back what it read: a warning', async () => {
      const coupon = withField('coupon', (x) => x.optional(x.string));
      const [before, after] = [{ policy: 'strip', fields: base, tags: '\n * @roundtrip' }, { policy: 'strip', fields: coupon, tags: '\n * @roundtrip' }] as const;
      assert.deepEqual(await check(d, before, after), ['strip-reader-drops-field Order.coupon new-to-old warning']);
      // No value is refused, so the rule has no witness; what it warns of is what the real decoders do.
      const value = { id: 'x', qty: 1, coupon: 'x' };
      assert.equal(await decode(await loadSchema(source(d, after), 'Order'), value), 'accepts');
      assert.equal(await decode(await loadSchema(source(d, before), 'Order'), value), 'changes');
    });

    // The table's reader rows change the reader alone. A schema is also what its version writes, so where the
    // deployed reader is strict the new field this version now sends is refused as well (new-to-old).
    it('reader adds a required field without default: old-to-new for every policy', async () => {
      const currency = withField('currency', (x) => x.string);
      for (const policy of ['lenient', 'strip'] as const) {
        assert.deepEqual(await check(d, { policy, fields: base }, { policy, fields: currency }), ['field-required-added Order.currency old-to-new error'], policy);
      }
      assert.deepEqual((await check(d, { policy: 'strict', fields: base }, { policy: 'strict', fields: currency })).sort(), [
        'field-required-added Order.currency old-to-new error',
        'strict-reader-undeclared-field Order.currency new-to-old error',
      ]);
    });

    it('reader adds a field with a default: safe for every reader (a strict deployed reader still refuses what this version writes)', async () => {
      const currency = withField('currency', (x) => x.withDefault(x.string, '"EUR"'));
      for (const policy of ['lenient', 'strip'] as const) assert.deepEqual(await check(d, { policy, fields: base }, { policy, fields: currency }), [], policy);
      assert.deepEqual(await check(d, { policy: 'strict', fields: base }, { policy: 'strict', fields: currency }), ['strict-reader-undeclared-field Order.currency new-to-old error']);
    });

    it('reader object made strict: old-to-new when old writers send a key it does not declare, safe otherwise', async () => {
      const withNote = withField('note', (x) => x.optional(x.string));
      assert.deepEqual(await check(d, { policy: 'strip', fields: base }, { policy: 'strict', fields: base }), []);
      assert.deepEqual(await check(d, { policy: 'strip', fields: withNote }, { policy: 'strict', fields: base }), ['strict-reader-undeclared-field Order.note old-to-new error']);
    });

    it('reader adds a refinement: an old-to-new warning for each, with a value old writers may send that the check refuses', async () => {
      for (const [checks, on] of [[['int'], 'qty'], [['min'], 'qty'], [['regex'], 'id'], [['email'], 'id'], [['refine'], 'id']] as const) {
        const found = await check(d, { policy: 'strip', fields: base }, { policy: 'strip', fields: checkedQty([...checks], on) });
        assert.deepEqual(found, [`reader-refinement-added Order.${on} old-to-new warning`], checks.join());
      }
    });

    it('enum widened: new-to-old for every reader', async () => {
      for (const policy of ['lenient', 'strip', 'strict'] as const) {
        const status = (values: string[]) => withField('status', (x) => x.picklist(values));
        assert.deepEqual(await check(d, { policy, fields: status(['new', 'paid']) }, { policy, fields: status(['new', 'paid', 'refunded']) }), ['union-variant-added Order.status new-to-old error'], policy);
      }
    });
  });
}
