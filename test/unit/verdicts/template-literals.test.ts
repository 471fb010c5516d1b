import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchesTemplate, templateSamples } from '../../../server/src/engine/template';
import { witnessFor } from '../../../server/src/witness/witness-for';
import { checkWitness } from '../witness/sides';
import { compareSources } from './compare-sources';

const compare = compareSources;

// Issue 10: a template literal type is the set of strings that match it, not any string.
describe('template literal types', () => {
  it('widening `ord_${string}` to string breaks new-to-old, with a witness the old reader rejects', () => {
    const { oldModel, newModel, findings } = compare('export interface Order { id: `ord_${string}` }\n', 'export interface Order { id: string }\n');
    assert.deepEqual(findings.map((f) => `${f.rule} ${f.path} ${f.breaks.join(',')}`), ['type-changed Order.id new-to-old']);
    const witness = witnessFor(findings[0]!, oldModel, newModel);
    assert.ok('value' in witness, 'none' in witness ? witness.none : '');
    assert.equal(checkWitness(findings[0]!, witness, oldModel, newModel), undefined);
  });

  it('narrowing string to `ord_${string}` breaks old-to-new', () => {
    const { findings } = compare('export interface Order { id: string }\n', 'export interface Order { id: `ord_${string}` }\n');
    assert.deepEqual(findings.map((f) => `${f.rule} ${f.breaks.join(',')}`), ['type-changed old-to-new']);
  });

  it('the same template, or a literal it matches, is silent', () => {
    assert.deepEqual(compare('export interface O { id: `ord_${string}` }\n', 'export interface O { id: `ord_${string}` }\n').findings, []);
    assert.deepEqual(compare('export interface O { id: `ord_${string}` }\n', 'export interface O { id: "ord_1" | `ord_${string}` }\n').findings, []);
    assert.deepEqual(compare('export interface O { v: `v${number}` }\n', 'export interface O { v: `v${number}` | "v1" }\n').findings, []);
  });

  it('a literal outside the template, added to the union, breaks new-to-old', () => {
    const { findings } = compare('export interface O { id: `ord_${string}` }\n', 'export interface O { id: `ord_${string}` | "legacy" }\n');
    assert.deepEqual(findings.map((f) => `${f.rule} ${f.breaks.join(',')}`), ['union-variant-added new-to-old']);
  });

  it('matching follows the placeholders', () => {
    assert.ok(matchesTemplate('ord_${string}', 'ord_'));
    assert.ok(!matchesTemplate('ord_${string}', 'x'));
    assert.ok(matchesTemplate('v${number}.${number}', 'v1.25'));
    assert.ok(!matchesTemplate('v${number}', 'vx'));
    assert.ok(templateSamples('a${number}b').every((s) => matchesTemplate('a${number}b', s)));
  });
});
