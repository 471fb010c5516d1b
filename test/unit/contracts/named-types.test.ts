import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFiles, typeShape, withoutLocs } from './extract-helper.js';

describe('named types', () => {
  it('terminates on a self-referential tree through a ref', () => {
    const { model } = extractFiles({ 'a.ts': '/** @wire */\nexport interface Tree { value: number; children: Tree[]; parent?: Tree }' });
    assert.deepEqual(withoutLocs(typeShape(model, 'Tree')), {
      kind: 'object',
      fields: [
        { name: 'value', shape: { kind: 'number' }, optional: false },
        { name: 'children', shape: { kind: 'array', element: { kind: 'ref', name: 'Tree' } }, optional: false },
        { name: 'parent', shape: { kind: 'ref', name: 'Tree' }, optional: true },
      ],
    });
  });

  it('terminates on mutually recursive types across files and a recursive alias', () => {
    const { model } = extractFiles({
      'a.ts': "import { B } from './b';\n/** @wire */\nexport interface A { b?: B; json: Json }\nexport type Json = string | number | Json[] | { [k: string]: Json };",
      'b.ts': "import { A } from './a';\nexport interface B { a: A }",
    });
    assert.deepEqual(withoutLocs(typeShape(model, 'B')), {
      kind: 'object',
      fields: [{ name: 'a', shape: { kind: 'ref', name: 'A' }, optional: false }],
    });
    const json = typeShape(model, 'Json');
    assert.equal(json.kind, 'union');
    assert.ok(JSON.stringify(json).includes('"ref","name":"Json"'));
  });

  it('shows a contract nested in another contract as a ref to its own entry', () => {
    const { model } = extractFiles({
      'a.ts': "import { Address } from './address';\n/** @wire */\nexport interface Customer { home: Address; work?: Address }",
      'address.ts': '/** @wire */\nexport interface Address { street: string }',
    });
    assert.deepEqual(Object.keys(model.contracts).sort(), ['Address', 'Customer']);
    const customer = typeShape(model, 'Customer');
    assert.deepEqual(
      customer.kind === 'object' && customer.fields.map((f) => f.shape),
      [{ kind: 'ref', name: 'Address' }, { kind: 'ref', name: 'Address' }],
    );
    assert.equal(typeShape(model, 'Address').kind, 'object');
  });

  it('stores every message contract under its own name, even a union or an alias of a primitive', () => {
    const { model } = extractFiles({
      'a.ts': "/** @wire */\nexport type Id = string;\n/** @wire */\nexport type Status = 'on' | 'off';",
    });
    assert.deepEqual(typeShape(model, 'Id'), { kind: 'string' });
    assert.equal(typeShape(model, 'Status').kind, 'union');
  });

  it('keeps the first of two different types with one name and reports the second', () => {
    const { model, problems } = extractFiles({
      'a.ts': "import { Holder } from './b';\n/** @wire */\nexport interface Root { item: Item; other: Holder }\ninterface Item { a: string }",
      'b.ts': 'export interface Holder { item: Item }\ninterface Item { b: number }',
    });
    const item = typeShape(model, 'Item');
    assert.deepEqual(item.kind === 'object' && item.fields.map((f) => f.name), ['a']);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.file, 'b.ts');
    assert.match(problems[0]?.message, /already named 'Item'/);
  });

  it('keeps an anonymous object inline', () => {
    const { model } = extractFiles({ 'a.ts': '/** @wire */\nexport interface M { meta: { at: string } }' });
    assert.deepEqual(Object.keys(model.types), ['M']);
  });
});
