import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate } from '../../../server/src/witness/validate';
import { samples } from '../../../server/src/witness/values';
import { evaluable, failedCheck } from '../../../server/src/witness/checks';
import { checked, decoded, messages, s, zobj } from '../engine/schema-models';

const none = messages({});
const reads = (value: unknown, shape: Parameters<typeof validate>[1]) => validate(value, shape, none).ok;

test('a strict reader rejects a key it does not declare; strip and lenient readers do not', () => {
  assert.equal(reads({ id: 'a', extra: 1 }, zobj('strict', { id: s.string })), false);
  assert.equal(reads({ id: 'a', extra: 1 }, zobj('strip', { id: s.string })), true);
  assert.equal(reads({ id: 'a', extra: 1 }, zobj('lenient', { id: s.string })), true);
  assert.equal(reads({ id: 'a' }, zobj('strict', { id: s.string })), true);
});

test('checks zod and valibot define are evaluated on numbers, strings and arrays', () => {
  const cases: [Parameters<typeof checked>[1], unknown, unknown][] = [
    [['int'], 2, 2.5],
    [['integer'], 2, 2.5],
    [['min', 3], 'abc', 'ab'],
    [['minLength', 3], 'abc', 'ab'],
    [['max', 2], 'ab', 'abc'],
    [['length', 2], 'ab', 'abc'],
    [['regex', '/^a+$/'], 'aaa', 'ab'],
    [['email'], 'a@b.co', 'ab'],
    [['url'], 'https://a.io', 'not a url'],
    [['uuid'], '00000000-0000-4000-8000-000000000000', 'x'],
    [['positive'], 1, 0],
    [['nonnegative'], 0, -1],
    [['negative'], -1, 0],
    [['startsWith', 'ord_'], 'ord_1', 'x'],
    [['endsWith', '.json'], 'a.json', 'a'],
    [['includes', '@'], 'a@b', 'ab'],
  ];
  for (const [check, ok, bad] of cases) {
    const shape = checked(typeof ok === 'number' ? s.number : s.string, check);
    assert.equal(reads(ok, shape), true, `${check[0]} accepts ${JSON.stringify(ok)}`);
    assert.equal(reads(bad, shape), false, `${check[0]} rejects ${JSON.stringify(bad)}`);
  }
  assert.equal(reads(['a'], checked(s.array(s.string), ['min', 1])), true);
  assert.equal(reads([], checked(s.array(s.string), ['min', 1])), false);
  assert.equal(reads(5, checked(s.number, ['minValue', 3], ['maxValue', 4])), false);
});

test('a custom check cannot be evaluated: it passes every value, and says so', () => {
  assert.equal(evaluable({ name: 'refine' }), false);
  assert.equal(evaluable({ name: 'min', arg: 3 }), true);
  assert.equal(failedCheck('anything', [{ name: 'refine' }]), undefined);
  assert.equal(reads('anything', checked(s.string, ['refine'])), true);
});

test('samples of a checked writer pass its own checks', () => {
  for (const shape of [checked(s.string, ['email']), checked(s.string, ['min', 5]), checked(s.number, ['int'], ['positive']), checked(s.array(s.string), ['min', 2])]) {
    const values = samples(shape, none);
    assert.ok(values.length > 0);
    for (const v of values) assert.equal(validate(v, shape, none, { exact: true }).ok, true, JSON.stringify(v));
  }
});

test('a decoded node met by the validator: a writer is held to the output, a reader to the input', () => {
  const at = decoded(s.string, s.number);
  assert.equal(validate(1, at, none, { exact: true }).ok, true);
  assert.equal(validate('1', at, none, { exact: true }).ok, false);
  assert.equal(validate('1', at, none).ok, true);
  assert.equal(validate(1, at, none).ok, false);
});
