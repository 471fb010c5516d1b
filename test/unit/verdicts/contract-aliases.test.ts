import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareSources } from './compare-sources';

function findings(before: string, after: string) {
  return compareSources(before, after).findings.map((f) => ({ rule: f.rule, path: f.path, affects: f.affects ?? [] }));
}

// Issue 10, item 5: `type EmptyResult = Result` is Result under a second name, not a second contract to blame.
describe('a message that is another message contract under a second name', () => {
  it('repeats none of its findings: one finding on the contract it names, which lists the alias as affected', () => {
    const before = 'export interface Result { a: string }\nexport type EmptyResult = Result;\n';
    const after = 'export interface Result { a: string; b: string }\nexport type EmptyResult = Result;\n';
    assert.deepEqual(findings(before, after), [{ rule: 'field-required-added', path: 'Result.b', affects: ['EmptyResult'] }]);
  });

  it('the same when the alias comes first in the file', () => {
    const before = 'export type EmptyResult = Result;\nexport interface Result { a: string }\n';
    const after = 'export type EmptyResult = Result;\nexport interface Result { a: string; b: string }\n';
    assert.deepEqual(findings(before, after).map((f) => f.path), ['Result.b']);
  });

  it('an alias pointed at another contract is a change of its own', () => {
    const before = 'export interface A { a: string }\nexport interface B { b: number }\nexport type Current = A;\n';
    const after = 'export interface A { a: string }\nexport interface B { b: number }\nexport type Current = B;\n';
    const paths = findings(before, after).map((f) => f.path);
    assert.ok(paths.length > 0 && paths.every((p) => p.startsWith('Current')), paths.join(', '));
  });

  it('an alias of a type that is not a contract is still its own contract', () => {
    const before = 'interface Shape { a: string }\nexport type Named = Shape;\n';
    const after = 'interface Shape { a: string; b: string }\nexport type Named = Shape;\n';
    assert.deepEqual(findings(before, after).map((f) => f.path), ['Named.b']);
  });
});

describe('also affects', () => {
  it('never lists a contract this version removed', () => {
    const before = '/** @wire */\nexport interface Money { amount: number }\n/** @wire */\nexport interface Paid { total: Money }\n/** @wire */\nexport interface Refunded { total: Money }\n';
    const after = '/** @wire */\nexport interface Money { amount: string }\n/** @wire */\nexport interface Paid { total: Money }\n';
    const money = compareSources(before, after, {}).findings.find((f) => f.path === 'Money.amount');
    assert.deepEqual(money?.affects, ['Paid']);
  });
});
