import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { differenceFinder } from '../../../server/src/engine/difference-finder';
import { compareSources, verdictLines } from './compare-sources';

const order = (sku: string, items: string, alias = 'Sku') => `type ${alias} = ${sku};\n/** @wire */\nexport interface Order { items: ${items} }\n`;
const messages = (before: string, after: string): string[] => compareSources(before, after).findings.map((f) => `${f.path}: ${f.message}`);

// Issue 15, point 10: messages name the type the way the user wrote it.
describe('messages keep the aliases the declaration wrote', () => {
  it('a field that became nullable names `Sku[]`, not `string[]`', () => {
    assert.deepEqual(messages(order('string', 'Sku[]'), order('string', 'Sku[] | null')), [
      'Order.items: `null` is a new possible value; the baseline only accepts `Sku[]`.',
    ]);
  });

  it('a field whose declared type changed names both sides as written', () => {
    assert.deepEqual(messages(order('string', 'Sku[]'), order('string', 'Sku')), [
      'Order.items: Type changed from `Sku[]` to `Sku`: this version cannot read every value the baseline writes, and the baseline cannot read every value this version writes.',
    ]);
  });

  it('an alias that changed what it stands for is spelled out, since `Sku` to `Sku` would say nothing', () => {
    assert.deepEqual(messages(order('string', 'Sku[]'), order('number', 'Sku[]')), [
      'Order.items[]: Type changed from `string` to `number`: this version cannot read every value the baseline writes, and the baseline cannot read every value this version writes.',
    ]);
  });

  it('aliases in parameters, unions and readonly arrays are kept too', () => {
    const service = (ids: string) => `type Sku = string;\n/** @rpc */\nexport interface Shop { find(ids: ${ids}): Promise<void> }\n`;
    assert.deepEqual(messages(service('readonly Sku[] | null | boolean'), service('(readonly Sku[]) | null')), [
      'Shop.find(ids): `boolean` is no longer accepted (now `Sku[] | null`), but the baseline may still write it.',
    ]);
  });

  it('renaming an alias alone is no finding, and no difference to walk', () => {
    const before = order('string', 'Sku[] | null');
    const after = order('string', 'ProductCode[] | null', 'ProductCode');
    const { findings, oldModel, newModel } = compareSources(before, after);
    assert.deepEqual(verdictLines(findings), []);
    assert.equal(differenceFinder(oldModel, newModel)('Order'), false);
  });

  it('comparing a version with itself finds nothing', () => {
    for (const source of [order('string', 'Sku[] | null'), order('"a"', '(Sku | null)[]')]) {
      assert.deepEqual(verdictLines(compareSources(source, source).findings), []);
    }
  });
});
