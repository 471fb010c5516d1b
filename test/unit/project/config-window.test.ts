import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baselineList, parseConfig } from '../../../server/src/project/config';

describe('skew.json: the release window keys', () => {
  it('reads a baseline list, persisted and accepted', () => {
    const config = parseConfig(
      JSON.stringify({
        baseline: [' deployed ', 'deploy/*'],
        persisted: { messages: ['Stored*'], since: 'v1.0.0' },
        accepted: [{ fingerprint: '0123456789abcdef', reason: 'fine', until: 'v2.0.0' }],
      }),
    );
    assert.deepEqual(baselineList(config), ['deployed', 'deploy/*']);
    assert.deepEqual(baselineList(parseConfig('{ "baseline": "v1" }')), ['v1']);
    assert.deepEqual(config.persisted, { messages: ['Stored*'], since: 'v1.0.0' });
    assert.deepEqual(config.accepted, [{ fingerprint: '0123456789abcdef', reason: 'fine', until: 'v2.0.0' }]);
  });

  it('takes persisted without messages: then what adapters know to be persisted is, since that ref', () => {
    assert.deepEqual(parseConfig('{ "persisted": { "since": "v1.0.0" } }').persisted, { messages: [], since: 'v1.0.0' });
  });

  for (const [json, message] of [
    ['{ "baseline": [] }', /"baseline" must be a ref or a non-empty list/],
    ['{ "baseline": ["v1", 2] }', /"baseline" must be a ref or a non-empty list/],
    ['{ "persisted": { "messages": [] , "since": "v1" } }', /"persisted\.messages" must be a non-empty array/],
    ['{ "persisted": { "messages": ["A"] } }', /"persisted\.since" must be a ref or tag glob/],
    ['{ "persisted": { "messages": ["A"], "since": "v1", "until": "v2" } }', /unknown key "persisted\.until"/],
    ['{ "accepted": {} }', /"accepted" must be an array/],
    ['{ "accepted": [{ "fingerprint": "x" }] }', /"accepted\[0\]" needs a "reason"/],
    ['{ "accepted": [{ "reason": "x" }] }', /"accepted\[0\]" needs a "fingerprint"/],
    ['{ "accepted": [{ "fingerprint": "x", "reason": "y", "by": "me" }] }', /unknown key "accepted\[0\]\.by"/],
  ] as const) {
    it(`refuses ${json} with one line`, () => {
      assert.throws(() => parseConfig(json), (e: Error) => message.test(e.message) && !e.message.includes('\n'));
    });
  }
});
