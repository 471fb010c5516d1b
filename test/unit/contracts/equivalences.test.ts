import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFiles, typeShape, withoutLocs } from './extract-helper.js';

const model = (files: Record<string, string>) => {
  const result = extractFiles(files);
  assert.deepEqual(result.problems, []);
  return result.model;
};

describe('spellings that are the same on the wire give the same model', () => {
  it('interface and object type alias', () => {
    const asInterface = model({ 'a.ts': '/** @wire */\nexport interface Order { id: string; total?: number }' });
    const asAlias = model({ 'a.ts': '/** @wire */\nexport type Order = { id: string; total?: number };' });
    assert.deepEqual(withoutLocs(asAlias), withoutLocs(asInterface));
  });

  it('a contract moved to another file differs only in locations', () => {
    const before = model({
      'src/order.ts': "import { Line } from './line';\n/** @wire */\nexport interface Order { lines: Line[] }",
      'src/line.ts': 'export interface Line { sku: string }',
    });
    const after = model({
      'src/messages/all.ts': '/** @wire */\nexport interface Order { lines: Line[] }\nexport interface Line { sku: string }',
    });
    assert.deepEqual(withoutLocs(after), withoutLocs(before));
    assert.equal(before.contracts.Order?.loc.file, 'src/order.ts');
    assert.equal(after.contracts.Order?.loc.file, 'src/messages/all.ts');
  });

  it('Pick, Omit and intersections equal the spelled-out object', () => {
    const base = 'interface User { id: string; name: string; email?: string; age: number }\ninterface Extra { note?: string }\n';
    const spelled = model({ 'a.ts': base + '/** @wire */\nexport type Card = { id: string; email?: string };' });
    const picked = model({ 'a.ts': base + "/** @wire */\nexport type Card = Pick<User, 'id' | 'email'>;" });
    const omitted = model({ 'a.ts': base + "/** @wire */\nexport type Card = Omit<User, 'name' | 'age'>;" });
    assert.deepEqual(withoutLocs(typeShape(picked, 'Card')), withoutLocs(typeShape(spelled, 'Card')));
    assert.deepEqual(withoutLocs(typeShape(omitted, 'Card')), withoutLocs(typeShape(spelled, 'Card')));

    const merged = model({ 'a.ts': base + "/** @wire */\nexport type Card = Pick<User, 'id'> & Extra;" });
    const mergedSpelled = model({ 'a.ts': base + '/** @wire */\nexport type Card = { id: string; note?: string };' });
    assert.deepEqual(withoutLocs(typeShape(merged, 'Card')), withoutLocs(typeShape(mergedSpelled, 'Card')));
  });

  it('a mapped type equals the object it produces', () => {
    const mapped = model({ 'a.ts': "/** @wire */\nexport type Flags = { [K in 'a' | 'b']: boolean };" });
    const spelled = model({ 'a.ts': '/** @wire */\nexport type Flags = { a: boolean; b: boolean };' });
    assert.deepEqual(withoutLocs(mapped), withoutLocs(spelled));
  });

  it('renaming a string enum key keeps the values', () => {
    const before = model({ 'a.ts': "/** @wire */\nexport enum Tier { Gold = 'gold', Silver = 'silver' }" });
    const after = model({ 'a.ts': "/** @wire */\nexport enum Tier { Premium = 'gold', Silver = 'silver' }" });
    const values = (m: typeof before) => {
      const shape = typeShape(m, 'Tier');
      return shape.kind === 'enum' ? shape.members.map((member) => member.value) : [];
    };
    assert.deepEqual(values(after), values(before));
    assert.notDeepEqual(withoutLocs(after), withoutLocs(before));
  });

  it('does not confuse different shapes (guards the comparisons above)', () => {
    const a = model({ 'a.ts': '/** @wire */\nexport interface Order { id: string; total?: number }' });
    const b = model({ 'a.ts': '/** @wire */\nexport interface Order { id: string; total: number }' });
    assert.notDeepEqual(withoutLocs(a), withoutLocs(b));
  });
});
