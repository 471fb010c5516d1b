import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ServiceContract } from '../../../server/src/engine/shape.js';
import { extractFiles, typeShape } from './extract-helper.js';

const source = `/** @wire */
// skew-ignore contract-removed: retired in v3
export interface Order {
  // skew-ignore field-removed: nobody reads it
  legacy?: string;
  /** @deprecated use total */
  amount: number;
  // skew-ignore type-changed
  // skew-ignore field-made-required:
  total: number;
}
export enum Kind {
  // skew-ignore enum-member-removed: never sent
  Old,
  New,
}
/** @rpc */
export interface Billing {
  // skew-ignore rpc-method-removed: clients gone
  charge(
    // skew-ignore rpc-parameter-removed: unused
    order: Order,
    kind: Kind,
  ): Promise<void>;
}
`;

describe('locations, suppressions and @deprecated', () => {
  const { model, problems } = extractFiles({ 'src/order.ts': source });
  const order = typeShape(model, 'Order');
  const fields = order.kind === 'object' ? order.fields : [];
  const byName = (name: string) => {
    const field = fields.find((f) => f.name === name);
    assert.ok(field, `Order has no field ${name}`);
    return field;
  };

  it('has no problems', () => assert.deepEqual(problems, []));

  it('locates contracts, fields, enum members, methods, params and named types by their names (zero-based)', () => {
    assert.deepEqual(model.contracts.Order?.loc, {
      file: 'src/order.ts',
      range: { start: { line: 2, character: 17 }, end: { line: 2, character: 22 } },
    });
    assert.deepEqual(byName('legacy').loc?.range.start, { line: 4, character: 2 });
    assert.deepEqual(byName('total').loc?.range.start, { line: 9, character: 2 });
    const kind = typeShape(model, 'Kind');
    assert.deepEqual(kind.kind === 'enum' && kind.members.map((m) => m.loc?.range.start.line), [13, 14]);
    assert.deepEqual(model.types.Kind?.loc?.range.start, { line: 11, character: 12 });
    const billing = model.contracts.Billing as ServiceContract;
    assert.deepEqual(billing.methods[0]?.loc?.range.start, { line: 19, character: 2 });
    assert.deepEqual(billing.methods[0]?.params.map((p) => p.loc?.range.start), [
      { line: 21, character: 4 },
      { line: 22, character: 4 },
    ]);
  });

  it('attaches skew-ignore comments to the member below, with reason or empty reason', () => {
    assert.deepEqual(model.contracts.Order?.suppressions?.map((s) => [s.rule, s.reason]), [['contract-removed', 'retired in v3']]);
    assert.deepEqual(byName('legacy').suppressions?.map((s) => [s.rule, s.reason]), [['field-removed', 'nobody reads it']]);
    assert.deepEqual(byName('total').suppressions?.map((s) => [s.rule, s.reason]), [
      ['type-changed', ''],
      ['field-made-required', ''],
    ]);
    assert.deepEqual(byName('legacy').suppressions?.[0]?.loc, {
      file: 'src/order.ts',
      range: { start: { line: 3, character: 2 }, end: { line: 3, character: 47 } },
    });
    assert.equal(byName('amount').suppressions, undefined);
    const kind = typeShape(model, 'Kind');
    assert.deepEqual(kind.kind === 'enum' && kind.members.map((m) => m.suppressions?.[0]?.rule), ['enum-member-removed', undefined]);
    const charge = (model.contracts.Billing as ServiceContract).methods[0];
    assert.ok(charge, 'Billing has a method');
    assert.deepEqual(charge.suppressions?.map((s) => s.rule), ['rpc-method-removed']);
    assert.deepEqual(charge.params.map((p) => p.suppressions?.map((s) => s.reason)), [['unused'], undefined]);
  });

  it('marks @deprecated fields', () => {
    assert.equal(byName('amount').deprecated, true);
    assert.equal(byName('total').deprecated, undefined);
  });
});
