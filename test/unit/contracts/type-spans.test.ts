import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { needsParensInUnion } from '../../../server/src/contracts/type-spans';

describe('needsParensInUnion', () => {
  it('parenthesises function, constructor, conditional and intersection types inside a union', () => {
    for (const text of ['() => void', 'new () => object', 'T extends string ? 1 : 2', 'A & B']) assert.equal(needsParensInUnion(text), true, text);
  });

  it('leaves types that bind tighter than `|` alone', () => {
    for (const text of ['string', 'Order', 'string[]', '(() => void)', "'a'", '{ a: string }', 'Array<() => void>']) assert.equal(needsParensInUnion(text), false, text);
  });
});
