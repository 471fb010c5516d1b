import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareModels } from '../../../server/src/rules';
import type { Shape, WireModel } from '../../../server/src/engine/shape';
import { validate } from '../../../server/src/witness/validate';
import { witnessFor } from '../../../server/src/witness/witness-for';
import { extract } from '../report/sample';
import { checkWitness } from './sides';

/** Rest elements anywhere in a tuple, as TypeScript allows: `[number, ...string[], boolean]`. */

const EMPTY: WireModel = { contracts: {}, types: {} };
const tuple = (...elements: { shape: Shape; optional?: boolean; rest?: boolean }[]): Shape => ({
  kind: 'tuple',
  elements: elements.map((e) => ({ optional: false, ...e })),
});
const N: Shape = { kind: 'number' };
const S: Shape = { kind: 'string' };
const B: Shape = { kind: 'boolean' };

describe('validating tuples with a rest element', () => {
  it('matches fixed elements after the rest against the end of the array', () => {
    const middle = tuple({ shape: N }, { shape: S, rest: true }, { shape: B });
    for (const ok of [[0, true], [0, 'x', true], [0, 'x', 'y', false]]) assert.deepEqual(validate(ok, middle, EMPTY), { ok: true }, JSON.stringify(ok));
    for (const bad of [[0], [0, 'x'], [0, 1, true], ['x', true]]) assert.equal(validate(bad, middle, EMPTY).ok, false, JSON.stringify(bad));
  });

  it('handles a leading rest', () => {
    const leading = tuple({ shape: S, rest: true }, { shape: B });
    assert.deepEqual(validate([true], leading, EMPTY), { ok: true });
    assert.deepEqual(validate(['x', 'y', true], leading, EMPTY), { ok: true });
    assert.equal(validate(['x'], leading, EMPTY).ok, false);
  });
});

function witnesses(before: string, after: string) {
  const oldModel = extract({ 'src/m.ts': before });
  const newModel = extract({ 'src/m.ts': after });
  return compareModels(oldModel, newModel).findings.map((finding) => ({ finding, witness: witnessFor(finding, oldModel, newModel), oldModel, newModel }));
}

const msg = (body: string) => `/** @wire */\nexport interface M {\n${body}\n}\n`;

describe('witnesses through tuples with a rest element', () => {
  it('a tuple that gains a rest element: this version writes more elements than the baseline reads', () => {
    const [one, ...more] = witnesses(msg('  t: [number];'), msg('  t: [number, ...string[]];'));
    assert.equal(more.length, 0);
    assert.ok('value' in one!.witness, 'none' in one!.witness ? one!.witness.none : '');
    assert.deepEqual(one!.witness.value, { t: [0, 'x'] });
    assert.equal(checkWitness(one!.finding, one!.witness, one!.oldModel, one!.newModel), undefined);
  });

  it('a sibling tuple with a rest in the middle is filled with a value both sides read', () => {
    for (const t of ['[number, ...string[], boolean]', '[...string[], boolean]']) {
      const found = witnesses(msg(`  t: ${t};\n  a: string;`), msg(`  t: ${t};\n  a: number;`));
      assert.equal(found.length, 1);
      const { witness } = found[0]!;
      assert.ok('value' in witness, `${t}: ${'none' in witness ? witness.none : ''}`);
      assert.doesNotMatch(witness.explanation, /also rejected/, t);
    }
  });

  it('does not claim the reader rejects a tuple it reads through its rest element', () => {
    const found = witnesses(msg('  t: [number, string, boolean];\n  a: string;'), msg('  t: [number, ...string[], boolean];\n  a: number;'));
    const a = found.find((f) => f.finding.path === 'M.a')!;
    assert.ok('value' in a.witness);
    assert.doesNotMatch(a.witness.explanation, /also rejected/);
  });
});

describe('a quoted name holding the path\'s own punctuation', () => {
  it('is one step: its path quotes it and its witness is found', () => {
    const found = witnesses(msg("  x: string;\n  'a.b': string;"), msg("  x: string;\n  'a.b': number;"));
    assert.equal(found.length, 1);
    const { finding, witness, oldModel, newModel } = found[0]!;
    assert.equal(finding.path, 'M["a.b"]');
    assert.ok('value' in witness, 'none' in witness ? witness.none : '');
    assert.equal(checkWitness(finding, witness, oldModel, newModel), undefined);
  });
});
