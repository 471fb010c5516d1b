import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareModels } from '../../../../server/src/rules';
import { typeShape } from '../extract-helper.js';
import { UNKNOWN_POLICY } from '../../../../server/src/contracts/schemas/unknown-policy.js';
import { extractSchemas, plain as withoutLocs } from './schema-tree.js';

const IMPORT = "import { z } from 'zod';\n";
const shapeOf = (source: string, name: string) => {
  const result = extractSchemas({ 'messages.ts': IMPORT + source });
  assert.deepEqual(result.problems, []);
  return withoutLocs(typeShape(result.model, name));
};
const str = { kind: 'string' };
const num = { kind: 'number' };

describe('zod 4 schema contracts', () => {
  it('a tagged schema const is a message contract read from its schema, the z.infer alias beside it included', () => {
    const { model, problems } = extractSchemas({
      'messages.ts': `${IMPORT}/** @wire */\nexport const OrderCreated = z.object({ id: z.string() });\nexport type OrderCreated = z.infer<typeof OrderCreated>;\n`,
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(Object.keys(model.contracts), ['OrderCreated']);
    assert.deepEqual(model.contracts.OrderCreated?.schema, { library: 'zod4' });
    assert.equal(model.contracts.OrderCreated?.loc.range.start.line, 2);
    assert.deepEqual(withoutLocs(typeShape(model, 'OrderCreated')), {
      kind: 'object',
      fields: [{ name: 'id', shape: str, optional: false }],
      policy: 'strip',
    });
  });

  it('the tag on the z.infer alias makes the schema of the same name the contract', () => {
    const { model } = extractSchemas({ 'messages.ts': `${IMPORT}export const A = z.strictObject({ id: z.string() });\n/** @wire */\nexport type A = z.infer<typeof A>;\n` });
    assert.deepEqual(model.contracts.A?.schema, { library: 'zod4' });
    const shape = typeShape(model, 'A');
    assert.equal(shape.kind === 'object' && shape.policy, 'strict');
  });

  it('a tagged type inferred from a schema under another name is that schema, named as the type', () => {
    const { model, problems } = extractSchemas({
      'messages.ts': `${IMPORT}import * as v from 'valibot';
export const OrderSchema = z.strictObject({ id: z.string().min(3) });
/** @wire */
export type Order = z.infer<typeof OrderSchema>;
const PingSchema = v.looseObject({ at: v.number() });
/** @wire */ export type Ping = v.InferOutput<typeof PingSchema>;\n`,
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(Object.keys(model.contracts), ['Order', 'Ping']);
    assert.deepEqual(model.contracts.Order?.schema, { library: 'zod4' });
    assert.equal(model.contracts.Order?.loc.range.start.line, 4);
    assert.deepEqual(withoutLocs(typeShape(model, 'Order')), {
      kind: 'object',
      fields: [{ name: 'id', shape: { kind: 'string', checks: [{ name: 'min', arg: 3 }] }, optional: false }],
      policy: 'strict',
    });
    assert.deepEqual(model.contracts.Ping?.schema, { library: 'valibot' });
    const ping = typeShape(model, 'Ping');
    assert.equal(ping.kind === 'object' && ping.policy, 'lenient');
  });

  it('a plain type that uses a type inferred from a schema refers to that schema by the type\'s name', () => {
    const { model, problems } = extractSchemas({
      'schemas.ts': `${IMPORT}export const OrderSchema = z.strictObject({ id: z.string() });\nexport type Order = z.infer<typeof OrderSchema>;\nexport const Item = z.object({ sku: z.string() });\nexport type Item = z.infer<typeof Item>;\n`,
      'messages.ts': `import type { Order, Item } from './schemas';
/** @wire */ export interface Envelope { order: Order; items: Item[] }
/** @rpc */ export interface Orders { get(id: string): Promise<Order> }\n`,
    });
    assert.deepEqual(problems, []);
    const envelope = typeShape(model, 'Envelope');
    assert.deepEqual(envelope.kind === 'object' && envelope.fields.map((f) => f.shape), [
      { kind: 'ref', name: 'Order' },
      { kind: 'array', element: { kind: 'ref', name: 'Item' } },
    ]);
    const orders = model.contracts.Orders;
    assert.deepEqual(orders?.kind === 'service' && orders.methods[0]?.result, { kind: 'ref', name: 'Order' });
    const order = typeShape(model, 'Order');
    assert.equal(order.kind === 'object' && order.policy, 'strict');
    const item = typeShape(model, 'Item');
    assert.equal(item.kind === 'object' && item.policy, 'strip');
  });

  it('every exported schema of a messages file is a contract; other exports of it are not', () => {
    const { model } = extractSchemas(
      { 'src/messages.ts': `${IMPORT}export const A = z.object({ a: z.string() });\nconst Hidden = z.object({});\nexport const parse = (x: unknown) => A.parse(x);\nexport const sample = A.parse({ a: 'x' });\nexport const limit = 3;\n` },
      { messages: ['src/messages.ts'] },
    );
    assert.deepEqual(Object.keys(model.contracts), ['A']);
    assert.equal(model.contracts.A?.source, 'config');
  });

  it('recognises zod through the checker: renamed imports and re-exports count, a look-alike does not', () => {
    const { model, problems } = extractSchemas({
      'lib/schema.ts': "export { z as s } from 'zod';\nexport { strictObject as closed } from 'zod';\n",
      'fake.ts': 'export const z = { object: (x: object) => x, string: () => 1 };\n',
      'messages.ts': [
        "import { s, closed } from './lib/schema';",
        "import { z } from './fake';",
        '/** @wire */ export const Real = closed({ a: s.string() });',
        '/** @wire */ export const Fake = z.object({ a: z.string() });',
      ].join('\n'),
    });
    assert.deepEqual(Object.keys(model.contracts), ['Real']);
    const real = typeShape(model, 'Real');
    assert.equal(real.kind === 'object' && real.policy, 'strict');
    assert.deepEqual(
      problems.map((p) => p.message),
      ["'Fake' is tagged @wire but is not a zod or valibot schema Skew can read (is the library installed?); it is not checked."],
    );
  });

  it('reads the policy per object from its construction; a strict parent says nothing of its children', () => {
    const shape = shapeOf(
      `/** @wire */ export const A = z.object({
        strip: z.object({ a: z.string() }),
        strictFn: z.strictObject({ a: z.string() }),
        strictM: z.object({ a: z.string() }).strict(),
        loose: z.looseObject({ a: z.string() }),
        passthrough: z.object({ a: z.string() }).passthrough(),
        stripped: z.object({ a: z.string() }).strict().strip(),
        rest: z.object({ a: z.string() }).catchall(z.number()),
      }).strict();`,
      'A',
    );
    assert.equal(shape.kind, 'object');
    if (shape.kind !== 'object') return;
    assert.equal(shape.policy, 'strict');
    const policies = Object.fromEntries(shape.fields.map((f) => [f.name, f.shape.kind === 'object' ? f.shape.policy : undefined]));
    assert.deepEqual(policies, { strip: 'strip', strictFn: 'strict', strictM: 'strict', loose: 'lenient', passthrough: 'lenient', stripped: 'strip', rest: 'lenient' });
    const rest = shape.fields.find((f) => f.name === 'rest')!.shape;
    assert.deepEqual(rest.kind === 'object' && rest.index, num);
  });

  it('points the policy at the call that sets it', () => {
    const { model } = extractSchemas({ 'messages.ts': `${IMPORT}/** @wire */ export const A = z.object({ a: z.string() }).strict();\n` });
    const shape = typeShape(model, 'A');
    assert.deepEqual(shape.kind === 'object' && shape.policyLoc, { file: 'messages.ts', range: { start: { line: 1, character: 58 }, end: { line: 1, character: 64 } } });
  });

  it('reads refinements, with their literal argument and where they are written', () => {
    const { model } = extractSchemas({
      'messages.ts': `${IMPORT}/** @wire */ export const A = z.object({ n: z.number().int().min(1).max(10), s: z.string().regex(/^a+$/).email(), e: z.email(), l: z.array(z.string()).nonempty(), r: z.string().refine((s) => s !== '') });\n`,
    });
    const shape = withoutLocs(typeShape(model, 'A'));
    assert.deepEqual(shape, {
      kind: 'object',
      policy: 'strip',
      fields: [
        { name: 'n', optional: false, shape: { kind: 'number', checks: [{ name: 'int' }, { name: 'min', arg: 1 }, { name: 'max', arg: 10 }] } },
        { name: 's', optional: false, shape: { kind: 'string', checks: [{ name: 'regex', arg: '/^a+$/' }, { name: 'email' }] } },
        { name: 'e', optional: false, shape: { kind: 'string', checks: [{ name: 'email' }] } },
        { name: 'l', optional: false, shape: { kind: 'array', element: str, checks: [{ name: 'nonempty' }] } },
        { name: 'r', optional: false, shape: { kind: 'string', checks: [{ name: 'refine' }] } },
      ],
    });
    const n = typeShape(model, 'A');
    const min = n.kind === 'object' && n.fields[0]?.shape.kind === 'number' ? n.fields[0].shape.checks?.[1] : undefined;
    assert.deepEqual(min?.loc, { file: 'messages.ts', range: { start: { line: 1, character: 61 }, end: { line: 1, character: 64 } } });
  });

  it('optional, nullable, nullish, default and catch', () => {
    assert.deepEqual(
      shapeOf(
        `/** @wire */ export const A = z.object({ o: z.string().optional(), n: z.string().nullable(), nn: z.string().nullish(), d: z.number().default(1), c: z.number().catch(0), od: z.string().optional().default('x') });`,
        'A',
      ),
      {
        kind: 'object',
        policy: 'strip',
        fields: [
          { name: 'o', shape: str, optional: true },
          { name: 'n', shape: { kind: 'union', variants: [{ kind: 'null' }, str] }, optional: false },
          { name: 'nn', shape: { kind: 'union', variants: [{ kind: 'null' }, str] }, optional: true },
          { name: 'd', shape: num, optional: false, defaulted: true },
          { name: 'c', shape: { kind: 'decoded', input: { kind: 'any' }, output: num }, optional: false, defaulted: true },
          { name: 'od', shape: str, optional: false, defaulted: true },
        ],
      },
    );
  });

  it('transform and pipe are decoded (the reader accepts the input, writers send the output); a codec is its wire schema', () => {
    const shape = shapeOf(
      `/** @wire */ export const A = z.object({
        t: z.string().transform((s) => s.length),
        p: z.string().pipe(z.coerce.number()),
        c: z.codec(z.iso.datetime(), z.date(), { decode: (s) => new Date(s), encode: (d) => d.toISOString() }),
        same: z.string().transform((s) => s.trim()),
      });`,
      'A',
    );
    assert.equal(shape.kind, 'object');
    if (shape.kind !== 'object') return;
    const byName = Object.fromEntries(shape.fields.map((f) => [f.name, f.shape]));
    assert.deepEqual(byName.t, { kind: 'decoded', input: str, output: num });
    assert.deepEqual(byName.p, { kind: 'decoded', input: str, output: num });
    // A codec's writers encode first: the wire form is its first schema, both ways.
    assert.deepEqual(byName.c, { kind: 'string', checks: [{ name: 'datetime' }] });
    assert.deepEqual(byName.same, str);
  });

  it('a schema const used inside another is one named type; recursion through z.lazy ends at the name', () => {
    const { model } = extractSchemas({
      'shared.ts': `${IMPORT}export const Money = z.object({ amount: z.number(), currency: z.string() });\nexport const MaybeMoney = Money.optional();\n`,
      'messages.ts': `${IMPORT}import { Money, MaybeMoney } from './shared';
/** @wire */ export const Order = z.object({ total: Money, discount: MaybeMoney });
interface Cat { name: string; children: Cat[] }
/** @wire */ export const Category: z.ZodType<Cat> = z.object({ name: z.string(), children: z.array(z.lazy(() => Category)) });\n`,
    });
    assert.deepEqual(withoutLocs(typeShape(model, 'Order')), {
      kind: 'object',
      policy: 'strip',
      fields: [
        { name: 'total', shape: { kind: 'ref', name: 'Money' }, optional: false },
        { name: 'discount', shape: { kind: 'ref', name: 'MaybeMoney' }, optional: true },
      ],
    });
    assert.deepEqual(withoutLocs(typeShape(model, 'MaybeMoney')), { kind: 'ref', name: 'Money' });
    assert.equal(typeShape(model, 'Money').kind, 'object');
    assert.deepEqual(withoutLocs(typeShape(model, 'Category')), {
      kind: 'object',
      policy: 'strip',
      fields: [
        { name: 'name', shape: str, optional: false },
        { name: 'children', shape: { kind: 'array', element: { kind: 'ref', name: 'Category' } }, optional: false },
      ],
    });
  });

  it('unions, discriminated unions, enums, literals, tuples and records', () => {
    const shape = shapeOf(
      `enum Color { Red = 'red', Blue = 'blue' }
      /** @wire */ export const A = z.object({
        u: z.union([z.string(), z.number()]),
        d: z.discriminatedUnion('type', [z.object({ type: z.literal('a') }), z.strictObject({ type: z.literal('b') })]),
        e: z.enum(['x', 'y']),
        ne: z.enum(Color),
        t: z.tuple([z.string(), z.number()]),
        r: z.record(z.string(), z.number()),
      });`,
      'A',
    );
    assert.equal(shape.kind, 'object');
    if (shape.kind !== 'object') return;
    const byName = Object.fromEntries(shape.fields.map((f) => [f.name, f.shape]));
    assert.deepEqual(byName.u, { kind: 'union', variants: [num, str] });
    assert.deepEqual(byName.d, {
      kind: 'union',
      variants: [
        { kind: 'object', fields: [{ name: 'type', shape: { kind: 'literal', value: 'a' }, optional: false }], policy: 'strip' },
        { kind: 'object', fields: [{ name: 'type', shape: { kind: 'literal', value: 'b' }, optional: false }], policy: 'strict' },
      ],
    });
    assert.deepEqual(byName.e, { kind: 'union', variants: [{ kind: 'literal', value: 'x' }, { kind: 'literal', value: 'y' }] });
    assert.deepEqual(byName.ne, { kind: 'ref', name: 'Color' });
    assert.deepEqual(byName.t, { kind: 'tuple', elements: [{ shape: str, optional: false }, { shape: num, optional: false }] });
    assert.deepEqual(byName.r, { kind: 'object', fields: [], index: num });
  });

  it('extend, pick, omit, partial and spreads of another schema keep its policy and add fields', () => {
    const { model } = extractSchemas({
      'messages.ts': `${IMPORT}const Base = z.strictObject({ id: z.string(), name: z.string() });
/** @wire */ export const Ext = Base.extend({ extra: z.number() });
/** @wire */ export const Picked = Base.pick({ id: true });
/** @wire */ export const Partial = Base.partial();
/** @wire */ export const Spread = z.object({ ...Base.shape, more: z.boolean() });\n`,
    });
    const fields = (name: string) => {
      const shape = typeShape(model, name);
      return shape.kind === 'object' ? [shape.policy, ...shape.fields.map((f) => `${f.name}${f.optional ? '?' : ''}`)] : shape.kind;
    };
    assert.deepEqual(fields('Ext'), ['strict', 'id', 'name', 'extra']);
    assert.deepEqual(fields('Picked'), ['strict', 'id']);
    assert.deepEqual(fields('Partial'), ['strict', 'id?', 'name?']);
    assert.deepEqual(fields('Spread'), ['strip', 'id', 'name', 'more']);
  });

  it('what the construction does not show is read from the schema types, never as any', () => {
    const { model, problems } = extractSchemas({
      'messages.ts': `${IMPORT}const make = () => z.object({ a: z.string() });\n/** @wire */ export const A = z.object({ made: make(), key: z.object({ a: z.string() }).keyof() });`,
    });
    // The object `make()` returns is read from its type, which does not say its unknown-key policy: said where it is.
    assert.deepEqual(
      problems.map((p) => `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`),
      [`messages.ts:3:48 ${UNKNOWN_POLICY}`],
    );
    assert.deepEqual(withoutLocs(typeShape(model, 'A')), {
      kind: 'object',
      policy: 'strip',
      fields: [
        { name: 'made', shape: { kind: 'object', fields: [{ name: 'a', shape: str, optional: false }] }, optional: false },
        { name: 'key', shape: { kind: 'literal', value: 'a' }, optional: false },
      ],
    });
  });

  it('a schema it cannot read at all is read as any, and says so where it is written', () => {
    const { model, problems } = extractSchemas({ 'messages.ts': `${IMPORT}declare const loaded: any;\n/** @wire */ export const A = z.object({ x: loaded });\n` });
    const shape = typeShape(model, 'A');
    assert.deepEqual(shape.kind === 'object' && shape.fields[0]?.shape, { kind: 'any' });
    assert.deepEqual(
      problems.map((p) => `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`),
      ['messages.ts:3:45 Skew cannot read this schema: neither its construction nor its type says what it accepts; it is read as any.'],
    );
  });

  it('finds a required field added to a schema like one added to an interface', () => {
    const before = extractSchemas({ 'messages.ts': `${IMPORT}/** @wire */ export const A = z.object({ id: z.string() });\n` }).model;
    const after = extractSchemas({ 'messages.ts': `${IMPORT}/** @wire */ export const A = z.object({ id: z.string(), qty: z.number() });\n` }).model;
    assert.deepEqual(
      compareModels(before, after).findings.map((f) => `${f.rule} ${f.path} ${f.breaks.join(',')}`),
      ['field-required-added A.qty old-to-new'],
    );
  });

  it('finds an enum widened in a schema', () => {
    const before = extractSchemas({ 'messages.ts': `${IMPORT}/** @wire */ export const A = z.object({ s: z.enum(['a', 'b']) });\n` }).model;
    const after = extractSchemas({ 'messages.ts': `${IMPORT}/** @wire */ export const A = z.object({ s: z.enum(['a', 'b', 'c']) });\n` }).model;
    assert.deepEqual(
      compareModels(before, after).findings.map((f) => `${f.rule} ${f.path} ${f.breaks.join(',')}`),
      ['union-variant-added A.s new-to-old'],
    );
  });
});
