import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Canon } from '../../../server/src/engine/canonical';
import type { Shape, WireModel } from '../../../server/src/engine/shape';
import { show, showChange } from '../../../server/src/engine/show';

const model: WireModel = { contracts: {}, types: {} };
const written: Shape = { kind: 'array', element: { kind: 'string', alias: 'Sku' } };
const plain: Shape = { kind: 'array', element: { kind: 'string' } };

// Issue 15, point 10: an alias is how a type was written, not what travels.
describe('aliases of primitives and arrays are for messages only', () => {
  it('messages show the alias', () => {
    assert.equal(show(written), 'Sku[]');
    assert.equal(show({ kind: 'literal', value: 'eu', alias: 'Region' }), 'Region');
  });

  it('canonical keys ignore it', () => {
    const canon = new Canon();
    assert.equal(canon.of(written, model), canon.of(plain, model));
    assert.equal(canon.of({ ...written, alias: 'Skus' }, model), canon.of(plain, model));
  });

  it('a change that reads the same as written is spelled out', () => {
    assert.deepEqual(showChange({ kind: 'string', alias: 'Sku' }, { kind: 'number', alias: 'Sku' }), ['string', 'number']);
    assert.deepEqual(showChange(written, { kind: 'string', alias: 'Sku' }), ['Sku[]', 'Sku']);
  });
});
