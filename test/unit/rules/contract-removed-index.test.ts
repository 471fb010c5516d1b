import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ContainerIndex } from '../../../server/src/engine/reach';
import type { WireModel } from '../../../server/src/engine/shape';
import { compareModels } from '../../../server/src/rules';
import { messages, s } from '../engine/models';

/** Messages a skew.json glob made: `Part0`…`Part{n-1}`, each contained in `Whole`, and `Loose`, contained in none. */
function globMade(n: number): WireModel {
  const parts = Object.fromEntries(Array.from({ length: n }, (_, i) => [`Part${i}`, s.obj({ id: s.string })]));
  const model = messages({ ...parts, Loose: s.obj({ id: s.number }), Whole: s.obj(Object.fromEntries(Object.keys(parts).map((p) => [p.toLowerCase(), s.ref(p)]))) });
  for (const contract of Object.values(model.contracts)) contract.source = 'config';
  return model;
}

describe('contract-removed on glob-made messages', () => {
  it('reports only the removed messages nothing contains, indexing the baseline once for all of them', () => {
    const oldModel = globMade(30);
    const newModel = messages({ Whole: s.obj({}) });
    newModel.contracts.Whole!.source = 'config';
    const prototype = ContainerIndex.prototype;
    const original = Object.getOwnPropertyDescriptor(prototype, 'containersOf')!;
    const containersOf = original.value as (this: ContainerIndex, inner: string) => string[];
    const indexes = new Set<ContainerIndex>();
    prototype.containersOf = function (this: ContainerIndex, inner: string) {
      indexes.add(this);
      return containersOf.call(this, inner);
    };
    let removed: string[];
    try {
      removed = compareModels(oldModel, newModel).findings.filter((f) => f.rule === 'contract-removed').map((f) => f.contract);
    } finally {
      Object.defineProperty(prototype, 'containersOf', original);
    }
    assert.deepEqual(removed, ['Loose']);
    // One for the rule, one for the comparison itself (it indexes both models together).
    assert.ok(indexes.size <= 2, `${indexes.size} indexes built`);
  });

  it('hands out one index per model', () => {
    const model = globMade(2);
    assert.equal(ContainerIndex.of(model), ContainerIndex.of(model));
    assert.deepEqual(ContainerIndex.of(model).containersOf('Part1'), ['Whole']);
    assert.notEqual(ContainerIndex.of(globMade(2)), ContainerIndex.of(model));
  });
});
