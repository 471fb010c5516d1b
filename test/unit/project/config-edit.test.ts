import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withAccepted } from '../../../server/src/project/config-edit';
import { parseConfig } from '../../../server/src/project/config';

const entry = { fingerprint: '0123456789abcdef', path: 'OrderCreated.currency', rule: 'field-required-added', reason: 'no old writers left' };

describe('adding "accepted" to skew.json', () => {
  it('keeps every other byte: key order, spacing, a tab indent and CRLF line ends', () => {
    const text = '{\r\n\t"messages": [ "src/**/*.ts" ],\r\n\t"baseline":"deployed"\r\n}\r\n';
    const out = withAccepted(text, [entry]);
    assert.ok(out.startsWith('{\r\n\t"messages": [ "src/**/*.ts" ],\r\n\t"baseline":"deployed",\r\n\t"accepted": [\r\n\t\t{\r\n\t\t\t"fingerprint"'), JSON.stringify(out));
    assert.ok(out.endsWith(']\r\n}\r\n'));
    assert.deepEqual(parseConfig(out).accepted, [entry]);
    assert.equal(parseConfig(out).baseline, 'deployed');
  });

  it('replaces an existing "accepted" in place', () => {
    const text = '{\n  "accepted": [],\n  "ignore": ["OrderCreated.legacy"]\n}\n';
    const out = withAccepted(text, [entry]);
    assert.match(out, /^\{\n {2}"accepted": \[\n {4}\{\n {6}"fingerprint": "0123456789abcdef",/);
    assert.ok(out.endsWith('],\n  "ignore": ["OrderCreated.legacy"]\n}\n'));
  });

  it('creates the file, and fills an empty object', () => {
    assert.deepEqual(parseConfig(withAccepted(undefined, [entry])).accepted, [entry]);
    assert.deepEqual(parseConfig(withAccepted('{}', [entry])).accepted, [entry]);
    assert.deepEqual(parseConfig(withAccepted('\ufeff{ "baseline": "v1" }', [entry])), { baseline: 'v1', accepted: [entry] });
  });

  it('refuses a file that is not one JSON object, with one line', () => {
    for (const bad of ['[1]', '{ "baseline": "v1" ', '{ "baseline" "v1" }', '{ "a": tru }']) {
      assert.throws(() => withAccepted(bad, [entry]), (e: Error) => e.message.includes('skew.json') && !e.message.includes('\n'), bad);
    }
  });
});
