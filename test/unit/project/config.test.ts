import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../../server/src/project/config';
import { SkewError } from '../../../server/src/common/errors';

const fails = (raw: string, pattern: RegExp) =>
  assert.throws(
    () => parseConfig(raw),
    (e: unknown) => e instanceof SkewError && e.code === 'bad-config' && pattern.test(e.message) && !e.message.includes('\n'),
  );

describe('skew.json', () => {
  it('accepts every documented key', () => {
    const config = parseConfig(
      JSON.stringify({
        $schema: './schema.json',
        baseline: 'v1.0.0',
        messages: ['src/messages/**/*.ts'],
        services: ['src/rpc/*.ts'],
        ignore: ['not-wire-safe', { rule: 'field-removed', path: 'Order.note', reason: 'never read' }],
      }),
    );
    assert.deepEqual(config, {
      baseline: 'v1.0.0',
      messages: ['src/messages/**/*.ts'],
      services: ['src/rpc/*.ts'],
      ignore: ['not-wire-safe', { rule: 'field-removed', path: 'Order.note', reason: 'never read' }],
    });
  });

  it('turns adapters off by name; an unknown adapter or a non-boolean is a one-line error', () => {
    assert.deepEqual(parseConfig('{ "adapters": { "trpc": false, "jsonrpc": true } }'), { adapters: { trpc: false, jsonrpc: true } });
    fails('{ "adapters": { "trcp": false } }', /unknown adapter "adapters.trcp" \(known: trpc, orpc, jsonrpc, cloudflare, socketio, bullmq, temporal, nestjs\)/);
    fails('{ "adapters": { "trpc": "off" } }', /"adapters.trpc" must be true or false/);
    fails('{ "adapters": ["trpc"] }', /"adapters" must be an object/);
  });

  it('names the bad key', () => {
    fails('{ "mesages": [] }', /unknown key "mesages"/);
    fails('{ "messages": "src/*.ts" }', /"messages" must be an array/);
    fails('{ "services": [1] }', /"services" must be an array/);
    fails('{ "baseline": "" }', /"baseline" must be a non-empty string/);
    fails('{ "ignore": [{ "rule": "x", "why": "y" }] }', /ignore\[0\]\.why/);
    fails('{ "ignore": [{ "reason": "y" }] }', /"ignore\[0\]" needs a "rule" or a "path"/);
    fails('[]', /expected an object/);
    fails('{ "messages": [', /not valid JSON/);
  });
});
