import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareModels } from '../../../../server/src/rules';
import type { Shape } from '../../../../server/src/engine/shape.js';
import { typeShape } from '../extract-helper.js';
import { extractSchemas, plain } from './schema-tree.js';

const IMPORT = "import * as v from 'valibot';\n";
const str: Shape = { kind: 'string' };
const num: Shape = { kind: 'number' };

/** The fields of the one tagged schema `A`, by name, as `[shape, optional, defaulted]`. */
function fieldsOf(source: string): Record<string, unknown> {
  const { model, problems } = extractSchemas({ 'messages.ts': `${IMPORT}${source}` });
  assert.deepEqual(problems, []);
  assert.deepEqual(model.contracts.A?.schema, { library: 'valibot' });
  const shape = plain(typeShape(model, 'A'));
  assert.equal(shape.kind, 'object');
  return shape.kind === 'object' ? Object.fromEntries(shape.fields.map((f) => [f.name, [f.shape, f.optional, !!f.defaulted]])) : {};
}

describe('valibot schema contracts', () => {
  it('reads the policy of each object: object strips, strictObject rejects, looseObject and objectWithRest keep', () => {
    const { model } = extractSchemas({
      'messages.ts': `${IMPORT}/** @wire */ export const A = v.strictObject({ s: v.object({ a: v.string() }), l: v.looseObject({ a: v.string() }), r: v.objectWithRest({ a: v.string() }, v.number()) });\n`,
    });
    const shape = plain(typeShape(model, 'A'));
    assert.equal(shape.kind === 'object' && shape.policy, 'strict');
    assert.deepEqual(shape.kind === 'object' && shape.fields.map((f) => [f.name, f.shape.kind === 'object' && f.shape.policy, f.shape.kind === 'object' && f.shape.index]), [
      ['s', 'strip', undefined],
      ['l', 'lenient', undefined],
      ['r', 'lenient', num],
    ]);
  });

  it('optional with a default is defaulted; nullable, nullish and fallback', () => {
    assert.deepEqual(
      fieldsOf('/** @wire */ export const A = v.object({ o: v.optional(v.string()), d: v.optional(v.number(), 1), n: v.nullable(v.string()), nn: v.nullish(v.string()), f: v.fallback(v.number(), 0) });'),
      {
        o: [str, true, false],
        d: [num, false, true],
        n: [{ kind: 'union', variants: [{ kind: 'null' }, str] }, false, false],
        nn: [{ kind: 'union', variants: [{ kind: 'null' }, str] }, true, false],
        f: [{ kind: 'decoded', input: { kind: 'any' }, output: num }, false, true],
      },
    );
  });

  it('pipes: validations are checks, metadata and same-type transformations nothing, a transformation decodes', () => {
    assert.deepEqual(
      fieldsOf(
        '/** @wire */ export const A = v.object({ p: v.pipe(v.string(), v.email(), v.minLength(3), v.trim(), v.description("x")), c: v.pipe(v.number(), v.check((n) => n > 0), v.integer()), t: v.pipe(v.string(), v.transform((s) => s.length)), tn: v.pipe(v.string(), v.toNumber()) });',
      ),
      {
        p: [{ kind: 'string', checks: [{ name: 'email' }, { name: 'minLength', arg: 3 }] }, false, false],
        c: [{ kind: 'number', checks: [{ name: 'check' }, { name: 'integer' }] }, false, false],
        t: [{ kind: 'decoded', input: str, output: num }, false, false],
        tn: [{ kind: 'decoded', input: str, output: num }, false, false],
      },
    );
  });

  it('picklists, unions, variants, arrays, tuples, records, spreads, pick and partial', () => {
    const fields = fieldsOf(`const Base = v.object({ id: v.string() });
/** @wire */ export const A = v.object({ e: v.picklist(['a', 'b']), u: v.union([v.string(), v.number()]), vr: v.variant('type', [v.object({ type: v.literal('a') }), v.object({ type: v.literal('b') })]), a: v.array(v.number()), tu: v.tuple([v.string()]), rec: v.record(v.string(), v.number()), ext: v.object({ ...Base.entries, more: v.boolean() }), pk: v.pick(Base, ['id']), pt: v.partial(Base) });`);
    const fieldList = (...names: string[]) => names.map((n) => ({ name: n, shape: n === 'more' ? { kind: 'boolean' } : str, optional: false }));
    assert.deepEqual(fields, {
      e: [{ kind: 'union', variants: [{ kind: 'literal', value: 'a' }, { kind: 'literal', value: 'b' }] }, false, false],
      u: [{ kind: 'union', variants: [num, str] }, false, false],
      vr: [
        {
          kind: 'union',
          variants: ['a', 'b'].map((t) => ({ kind: 'object', fields: [{ name: 'type', shape: { kind: 'literal', value: t }, optional: false }], policy: 'strip' })),
        },
        false,
        false,
      ],
      a: [{ kind: 'array', element: num }, false, false],
      tu: [{ kind: 'tuple', elements: [{ shape: str, optional: false }] }, false, false],
      rec: [{ kind: 'object', fields: [], index: num }, false, false],
      ext: [{ kind: 'object', fields: fieldList('id', 'more'), policy: 'strip' }, false, false],
      pk: [{ kind: 'object', fields: fieldList('id'), policy: 'strip' }, false, false],
      pt: [{ kind: 'object', fields: [{ name: 'id', shape: str, optional: true }], policy: 'strip' }, false, false],
    });
  });

  it('a shared schema is one named type; v.lazy recursion ends at its name', () => {
    const { model } = extractSchemas({
      'messages.ts': `${IMPORT}const Money = v.object({ amount: v.number() });
type Node = { children: Node[] };
/** @wire */ export const A: v.GenericSchema<Node> = v.object({ children: v.array(v.lazy(() => A)) });
/** @wire */ export const B = v.object({ total: Money, refund: v.optional(Money) });\n`,
    });
    assert.deepEqual(plain(typeShape(model, 'A')), {
      kind: 'object',
      fields: [{ name: 'children', shape: { kind: 'array', element: { kind: 'ref', name: 'A' } }, optional: false }],
      policy: 'strip',
    });
    assert.deepEqual(plain(typeShape(model, 'B')), {
      kind: 'object',
      fields: [
        { name: 'total', shape: { kind: 'ref', name: 'Money' }, optional: false },
        { name: 'refund', shape: { kind: 'ref', name: 'Money' }, optional: true },
      ],
      policy: 'strip',
    });
  });

  it('finds a required field added and a picklist widened', () => {
    const before = extractSchemas({ 'messages.ts': `${IMPORT}/** @wire */ export const A = v.object({ s: v.picklist(['a']) });\n` }).model;
    const after = extractSchemas({ 'messages.ts': `${IMPORT}/** @wire */ export const A = v.object({ s: v.picklist(['a', 'b']), n: v.number() });\n` }).model;
    assert.deepEqual(compareModels(before, after).findings.map((f) => `${f.rule} ${f.path} ${f.breaks.join(',')}`).sort(), [
      'field-required-added A.n old-to-new',
      'union-variant-added A.s new-to-old',
    ]);
  });
});
