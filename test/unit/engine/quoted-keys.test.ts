import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixesFor } from '../../../server/src/fixes';
import { compareModels, rules, type Finding } from '../../../server/src/rules';
import { witnessFor } from '../../../server/src/witness/witness-for';
import { checkFix, loadPair } from '../fixes/fix-harness';
import { checkWitness } from '../witness/sides';

/** Keys holding the path's own punctuation: `.`, `/`, spaces, brackets and quotes. */
const OLD = `/** @wire */
export interface Params {
  _meta: {
    'io.mcp/version': string;
    'has space': string | number;
    'a[0]': 'x' | 'y';
    'say "hi"': string;
  };
  items: { price: number }[];
}
/** @wire */
export type Pay = { '@type': 'card'; number: string } | { '@type': 'iban'; iban: string };
`;
const NEW = `/** @wire */
export interface Params {
  _meta: {
    'io.mcp/version'?: string;
    'has space': string;
    'a[0]': 'x';
  };
  items: { price: string }[];
}
/** @wire */
export type Pay = { '@type': 'card'; number: number } | { '@type': 'iban'; iban: string };
`;

const pair = loadPair('quoted keys', { 'src/m.ts': OLD }, { 'src/m.ts': NEW });
const at = (path: string): Finding => {
  const found = pair.comparison.findings.find((f) => f.path === path);
  assert.ok(found, `nothing at ${path}; have ${pair.comparison.findings.map((f) => f.path).join(', ')}`);
  return found;
};

const QUOTED = [
  'Params._meta["io.mcp/version"]',
  'Params._meta["has space"]',
  'Params._meta["a[0]"]',
  'Params._meta["say \\"hi\\""]',
  'Pay["@type"="card"].number',
];

describe('keys that hold the path punctuation', () => {
  it('are rendered quoted, identifier-like ones as before', () => {
    assert.deepEqual(pair.comparison.findings.map((f) => f.path).sort(), [...QUOTED, 'Params.items[].price'].sort());
    assert.deepEqual(at('Params._meta["io.mcp/version"]').steps, [
      { kind: 'field', name: '_meta' },
      { kind: 'field', name: 'io.mcp/version' },
    ]);
    assert.deepEqual(at('Pay["@type"="card"].number').steps, [
      { kind: 'variant', tag: '@type', value: 'card' },
      { kind: 'field', name: 'number' },
    ]);
  });

  for (const path of QUOTED) {
    it(`${path} has an honest witness`, () => {
      const finding = at(path);
      const witness = witnessFor(finding, pair.oldModel, pair.newModel);
      assert.ok('value' in witness, 'none' in witness ? witness.none : '');
      assert.equal(checkWitness(finding, witness, pair.oldModel, pair.newModel), undefined);
    });
  }

  for (const path of QUOTED.filter((p) => p.startsWith('Params'))) {
    it(`${path} gets a fix that applies`, () => {
      const finding = at(path);
      const { fixes, unavailable } = fixesFor(finding, pair.input);
      const safe = fixes.filter((f) => f.safe);
      assert.equal(safe.length, 1, JSON.stringify(unavailable));
      assert.deepEqual(checkFix(pair, finding, safe[0]!), []);
    });
  }
});

describe('ignore globs over rendered paths', () => {
  const silenced = (...globs: string[]): string[] =>
    compareModels(pair.oldModel, pair.newModel, { rules, ignore: globs }).suppressed.map((f) => f.path).sort();

  it('take a quoted key literally', () => {
    assert.deepEqual(silenced('Params._meta["io.mcp/version"]'), ['Params._meta["io.mcp/version"]']);
    assert.deepEqual(silenced('Params._meta["a[0]"]'), ['Params._meta["a[0]"]']);
    assert.deepEqual(silenced('Params._meta["say \\"hi\\""]'), ['Params._meta["say \\"hi\\""]']);
    assert.deepEqual(silenced('Pay["@type"="card"].number'), ['Pay["@type"="card"].number']);
  });

  it('take `[]` literally, not as a character class', () => {
    assert.deepEqual(silenced('Params.items[].price'), ['Params.items[].price']);
  });

  it('keep `*` and `**` matching any run, across quoted keys holding `/`', () => {
    const meta = QUOTED.filter((p) => p.startsWith('Params._meta')).sort();
    assert.deepEqual(silenced('Params._meta*'), meta);
    assert.deepEqual(silenced('Params._meta**'), meta);
    assert.deepEqual(silenced('*/version"]'), ['Params._meta["io.mcp/version"]']);
    assert.deepEqual(silenced('*.price'), ['Params.items[].price']);
    assert.deepEqual(silenced('Params.items*'), ['Params.items[].price']);
    assert.deepEqual(silenced('Params.*'), [...QUOTED.filter((p) => p.startsWith('Params')), 'Params.items[].price'].sort());
    assert.deepEqual(silenced('**'), [...QUOTED, 'Params.items[].price'].sort());
  });
});
