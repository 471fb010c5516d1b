import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareModels } from '../../../server/src/rules';
import type { Direction } from '../../../server/src/engine/finding';
import type { Codec, Shape, WireModel } from '../../../server/src/engine/shape';
import { witnessFor } from '../../../server/src/witness/witness-for';
import { validate } from '../../../server/src/witness/validate';
import { checkWitness } from './sides';

const loc = { file: 'a.ts', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };

function model(at: Shape, codec: Codec): WireModel {
  const fields = [
    { name: 'id', shape: { kind: 'string' } as Shape, optional: false },
    { name: 'at', shape: at, optional: false },
  ];
  return {
    contracts: { Msg: { kind: 'message', name: 'Msg', loc, source: 'adapter', codec } },
    types: { Msg: { name: 'Msg', shape: { kind: 'object', fields } } },
  };
}

const string: Shape = { kind: 'string' };
/** Each change only a non-JSON codec carries, with a test for the value each side writes. */
const CHANGES: { name: string; before: Shape; after: Shape; old: (v: unknown) => boolean; now: (v: unknown) => boolean }[] = [
  { name: 'Date → string', before: { kind: 'unsafe', what: 'Date' }, after: string, old: (v) => v instanceof Date, now: (v) => typeof v === 'string' },
  {
    name: 'Set<string> → string[]',
    before: { kind: 'unsafe', what: 'Set' },
    after: { kind: 'array', element: string },
    old: (v) => v instanceof Set,
    now: Array.isArray,
  },
  { name: 'bigint → number', before: { kind: 'unsafe', what: 'bigint' }, after: { kind: 'number' }, old: (v) => typeof v === 'bigint', now: (v) => typeof v === 'number' },
  {
    name: 'Map<string, number> → Record<string, number>',
    before: { kind: 'unsafe', what: 'Map' },
    after: { kind: 'object', fields: [], index: { kind: 'number' } },
    old: (v) => v instanceof Map,
    now: (v) => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype,
  },
];

for (const codec of ['superjson', 'structured-clone'] as const) {
  describe(`witnesses for a type only ${codec} carries`, () => {
    for (const change of CHANGES) {
      for (const direction of ['old-to-new', 'new-to-old'] as Direction[]) {
        it(`${change.name}, ${direction}: the writer's value is what it declares and the reader rejects it`, () => {
          const oldModel = model(change.before, codec);
          const newModel = model(change.after, codec);
          const [finding, ...more] = compareModels(oldModel, newModel).findings;
          assert.equal(finding?.rule, 'type-changed');
          assert.equal(finding.severity, 'error');
          assert.deepEqual(more, []);
          const witness = witnessFor({ ...finding, breaks: [direction] }, oldModel, newModel);
          assert.ok('value' in witness, 'none' in witness ? witness.none : '');
          assert.equal(checkWitness(finding, witness, oldModel, newModel), undefined);
          const at = (witness.value as { at: unknown }).at;
          const [writes, other] = direction === 'old-to-new' ? [change.old, change.now] : [change.now, change.old];
          assert.ok(writes(at), `the witness holds what ${witness.writer} declares`);
          assert.ok(!other(at));
        });
      }
    }
  });
}

describe('the validator follows the codec', () => {
  const date: Shape = { kind: 'unsafe', what: 'Date' };
  const json = model(date, 'json');
  const superjson = model(date, 'superjson');
  const msg: Shape = { kind: 'ref', name: 'Msg' };

  it('a Date is a value under superjson and none under JSON', () => {
    const value = { id: 'x', at: new Date('2024-01-01T00:00:00.000Z') };
    assert.deepEqual(validate(value, msg, superjson, { exact: true, codec: 'superjson' }), { ok: true });
    assert.equal(validate(value, msg, json, { exact: true }).ok, false);
    assert.deepEqual(validate({ id: 'x', at: '2024-01-01' }, msg, superjson, { codec: 'superjson' }), { ok: false, reason: 'at $.at: expected a Date, got "2024-01-01"' });
  });

  it('a plain object reader rejects a Map, a Set or a Date instead of reading it as an object with no keys', () => {
    const record: Shape = { kind: 'object', fields: [], index: { kind: 'number' } };
    for (const [value, what] of [
      [new Map([['a', 1]]), 'a Map'],
      [new Set(['x']), 'a Set'],
      [new Date(0), 'a Date'],
    ] as const) {
      assert.deepEqual(validate(value, record, superjson, { codec: 'superjson' }), { ok: false, reason: `expected an object, got ${what}` });
    }
  });
});

describe('not-wire-safe says why there is no witness under its own codec', () => {
  it('a Buffer under structured clone is not explained as JSON', () => {
    const before: WireModel = { contracts: { Msg: { kind: 'message', name: 'Msg', loc, source: 'adapter', codec: 'structured-clone' } }, types: { Msg: { name: 'Msg', shape: { kind: 'object', fields: [] } } } };
    const after = model({ kind: 'unsafe', what: 'Buffer' }, 'structured-clone');
    const finding = compareModels(before, after).findings.find((f) => f.rule === 'not-wire-safe');
    assert.ok(finding);
    const witness = witnessFor(finding, before, after);
    assert.ok('none' in witness);
    assert.equal(
      witness.none,
      'the value does not survive structured clone as itself (a Buffer arrives as a plain Uint8Array, a symbol cannot be cloned), so no value it carries shows what either side means',
    );
  });
});

describe('a value the codec does not carry either', () => {
  it('is named in the codec\'s terms, not as JSON', () => {
    const buffer = model({ kind: 'unsafe', what: 'Buffer' }, 'superjson');
    const found = validate({ id: 'x', at: null }, { kind: 'ref', name: 'Msg' }, buffer, { codec: 'superjson' });
    assert.deepEqual(found, { ok: false, reason: 'at $.at: a Buffer does not survive superjson as itself, so no value it carries is one' });
  });
});

describe('a change that breaks both ways under a codec', () => {
  it('is shown by the value only that codec carries, not by the plain JSON value of the other direction', () => {
    const oldModel = model({ kind: 'unsafe', what: 'Date' }, 'superjson');
    const newModel = model(string, 'superjson');
    const [finding] = compareModels(oldModel, newModel).findings;
    assert.ok(finding);
    assert.deepEqual([...finding.breaks].sort(), ['new-to-old', 'old-to-new']);
    const witness = witnessFor({ ...finding, breaks: ['new-to-old', 'old-to-new'] }, oldModel, newModel);
    assert.ok('value' in witness, 'none' in witness ? witness.none : '');
    assert.ok((witness.value as { at: unknown }).at instanceof Date);
    assert.match(witness.explanation, /this value shows old-to-new/);
  });

  it('under JSON keeps the first direction that has a value', () => {
    const oldModel = model({ kind: 'number' }, 'json');
    const newModel = model(string, 'json');
    const [finding] = compareModels(oldModel, newModel).findings;
    assert.ok(finding);
    const witness = witnessFor({ ...finding, breaks: ['new-to-old', 'old-to-new'] }, oldModel, newModel);
    assert.ok('value' in witness);
    assert.equal(typeof (witness.value as { at: unknown }).at, 'string');
  });
});
