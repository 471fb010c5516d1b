import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readable } from '../../../server/src/engine/readable';
import type { Shape, TupleElement } from '../../../server/src/engine/shape';

const S: Shape = { kind: 'string' };
const N: Shape = { kind: 'number' };
const B: Shape = { kind: 'boolean' };
const el = (shape: Shape): TupleElement => ({ shape, optional: false });
const opt = (shape: Shape): TupleElement => ({ shape, optional: true });
const rest = (shape: Shape): TupleElement => ({ shape, optional: true, rest: true });
const tuple = (...elements: TupleElement[]): Shape => ({ kind: 'tuple', elements });
const env = { writer: { contracts: {}, types: {} }, reader: { contracts: {}, types: {} } };

const cases: [string, Shape, Shape, boolean][] = [
  ['the same pair', tuple(el(N), el(S)), tuple(el(N), el(S)), true],
  ['a reader with an extra optional element', tuple(el(N)), tuple(el(N), opt(S)), true],
  ['a writer that may send one more than the reader takes', tuple(el(N), opt(S)), tuple(el(N)), false],
  ['a rest read by the same rest', tuple(el(N), rest(S)), tuple(el(N), rest(S)), true],
  ['a rest read by a bounded reader', tuple(el(N), rest(S)), tuple(el(N), opt(S)), false],
  ['a fixed tuple read by a rest', tuple(el(N), el(S), el(S)), tuple(el(N), rest(S)), true],
  ['a middle rest read by a wider trailing rest', tuple(el(N), rest(S), el(B)), tuple(el(N), rest({ kind: 'union', variants: [B, S] })), true],
  ['a middle rest whose last element the reader takes as the rest', tuple(el(N), rest(S), el(B)), tuple(el(N), rest(S)), false],
  ['the shortest array against a middle-rest reader', tuple(el(N), el(B)), tuple(el(N), rest(S), el(B)), true],
  ['one rest element in the middle', tuple(el(N), el(S), el(B)), tuple(el(N), rest(S), el(B)), true],
  ['a wrong element in the middle', tuple(el(N), el(N), el(B)), tuple(el(N), rest(S), el(B)), false],
  ['a middle rest read by the same middle rest', tuple(el(N), rest(S), el(B)), tuple(el(N), rest(S), el(B)), true],
  ['an empty tuple read by a rest', tuple(), tuple(rest(S)), true],
  ['one element against an empty reader', tuple(el(S)), tuple(), false],
  ['too short for the reader', tuple(el(N)), tuple(el(N), el(S)), false],
];

describe('reading tuples', () => {
  for (const [name, writer, reader, expected] of cases) {
    it(`${name}: ${expected ? 'readable' : 'not readable'}`, () => assert.equal(readable(writer, reader, env), expected));
  }
});
