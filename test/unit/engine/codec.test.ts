import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareModels } from '../../../server/src/rules/index.js';
import type { Codec, Shape, WireModel } from '../../../server/src/engine/shape.js';
import { extractFiles } from '../contracts/extract-helper.js';

const loc = { file: 'a.ts', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };

function model(extra: Shape | undefined, codec?: Codec): WireModel {
  const fields = [{ name: 'id', shape: { kind: 'string' } as Shape, optional: false }];
  if (extra) fields.push({ name: 'extra', shape: extra, optional: true });
  return {
    contracts: { Msg: { kind: 'message', name: 'Msg', loc, source: 'adapter', ...(codec ? { codec } : {}) } },
    types: { Msg: { name: 'Msg', shape: { kind: 'object', fields } } },
  };
}

const rulesFor = (extra: Shape, codec?: Codec) => compareModels(model(undefined, codec), model(extra, codec)).findings.map((f) => f.rule);

test('not-wire-safe follows the codec: JSON flags a Date, superjson and structured clone carry it', () => {
  const date: Shape = { kind: 'unsafe', what: 'Date' };
  assert.deepEqual(rulesFor(date), ['not-wire-safe']);
  assert.deepEqual(rulesFor(date, 'json'), ['not-wire-safe']);
  assert.deepEqual(rulesFor(date, 'superjson'), []);
  assert.deepEqual(rulesFor(date, 'structured-clone'), []);
});

test('functions become stubs under structured clone only; a Buffer survives no codec as itself', () => {
  const fn: Shape = { kind: 'unsafe', what: 'function' };
  assert.deepEqual(rulesFor(fn, 'superjson'), ['not-wire-safe']);
  assert.deepEqual(rulesFor(fn, 'structured-clone'), []);
  const buffer: Shape = { kind: 'unsafe', what: 'Buffer' };
  const [finding] = compareModels(model(undefined, 'structured-clone'), model(buffer, 'structured-clone')).findings;
  assert.equal(finding?.rule, 'not-wire-safe');
  assert.match(finding.message, /structured clone turns into a plain Uint8Array/);
});

test('a carried value that changes type is a type change under its codec', () => {
  const before = model({ kind: 'unsafe', what: 'Map' }, 'superjson');
  const after = model({ kind: 'string' }, 'superjson');
  assert.deepEqual(compareModels(before, after).findings.map((f) => f.rule), ['type-changed']);
  assert.deepEqual(compareModels(model({ kind: 'unsafe', what: 'Map' }), model({ kind: 'string' })).findings.map((f) => f.rule), []);
});

test('a Uint8Array and an ArrayBuffer are values of their own, carried by the codecs that carry them', () => {
  const { model: extracted } = extractFiles({ 'a.ts': '/** @wire */\nexport interface M { data: Uint8Array; raw: ArrayBuffer }\n' });
  const fields = extracted.types.M?.shape.kind === 'object' ? extracted.types.M.shape.fields.map((f) => f.shape) : [];
  assert.deepEqual(fields, [
    { kind: 'unsafe', what: 'Uint8Array' },
    { kind: 'unsafe', what: 'ArrayBuffer' },
  ]);
  const bytes: Shape = { kind: 'unsafe', what: 'Uint8Array' };
  const buffer: Shape = { kind: 'unsafe', what: 'ArrayBuffer' };
  const [json] = compareModels(model(undefined), model(bytes)).findings;
  assert.equal(json?.rule, 'not-wire-safe');
  assert.match(json.message, /`Uint8Array`, which JSON turns into `\{ "0": …, "1": … \}`/);
  assert.deepEqual(rulesFor(bytes, 'superjson'), []);
  assert.deepEqual(rulesFor(buffer, 'superjson'), ['not-wire-safe']);
  assert.deepEqual(rulesFor(bytes, 'structured-clone'), []);
  assert.deepEqual(rulesFor(buffer, 'structured-clone'), []);
});
