import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ResolvedBaseline } from '../../../server/src/baseline/resolve-baseline';
import { mergeWindow, persistedMatcher } from '../../../server/src/project/merge-window';
import type { WireModel } from '../../../server/src/engine/shape';
import type { Finding } from '../../../server/src/rules';

const variantAdded = (message: string): Finding => ({
  rule: 'union-variant-added',
  contract: 'Schema',
  contractKind: 'message',
  path: 'Schema',
  steps: [],
  flow: 'message',
  breaks: ['new-to-old'],
  order: 'readers-first',
  severity: 'error',
  message,
});
const baseline = (ref: string, commit: string): ResolvedBaseline => ({ ref, commit, how: 'argument', date: '2024-05-01T00:00:00Z' });

describe('merging the window', () => {
  it('keeps findings one comparison leaves equal but for the message apart, each with its own fingerprint, and merges them across baselines', () => {
    const comparison = { findings: [variantAdded('Variant `"a"` was added.'), variantAdded('Variant `"b"` was added.')], suppressed: [], changed: ['Schema'] };
    const merged = mergeWindow(
      [
        { baseline: baseline('deploy/eu', 'e'.repeat(40)), persisted: false, comparison },
        { baseline: baseline('deploy/us', 'u'.repeat(40)), persisted: false, comparison },
      ],
      () => false,
    );
    assert.equal(merged.findings.length, 2);
    assert.notEqual(merged.findings[0]!.fingerprint, merged.findings[1]!.fingerprint);
    for (const f of merged.findings) assert.deepEqual(f.against?.map((r) => r.ref), ['deploy/eu', 'deploy/us']);
  });

  it('never merges two findings of one comparison, even when nothing tells them apart', () => {
    const same = variantAdded('Variant added.');
    const merged = mergeWindow([{ baseline: baseline('v1', 'a'.repeat(40)), persisted: false, comparison: { findings: [same, same], suppressed: [], changed: [] } }], () => false);
    assert.equal(merged.findings.length, 2);
  });

  it('counts only old-to-new breaks of persisted contracts against the persisted range', () => {
    const o2n: Finding = { ...variantAdded('x'), rule: 'union-variant-removed', breaks: ['old-to-new'], order: 'writers-first' };
    const merged = mergeWindow(
      [{ baseline: baseline('v1.0.0', 'a'.repeat(40)), persisted: true, comparison: { findings: [variantAdded('y'), o2n, { ...o2n, contract: 'Other' }], suppressed: [], changed: [] } }],
      (c) => c === 'Schema',
    );
    assert.deepEqual(merged.findings.map((f) => [f.contract, f.rule, f.against?.[0]?.persisted]), [['Schema', 'union-variant-removed', true]]);
  });
});

describe('which contracts are persisted', () => {
  const loc = (file: string) => ({ file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } });
  const model: WireModel = {
    contracts: {
      images: { kind: 'service', name: 'images', methods: [], loc: loc('src/queue.ts'), source: 'adapter', adapter: 'bullmq', persisted: true },
      OrderStored: { kind: 'message', name: 'OrderStored', loc: loc('src/store/order.ts'), source: 'jsdoc' },
      Ping: { kind: 'message', name: 'Ping', loc: loc('src/ping.ts'), source: 'jsdoc' },
    },
    types: {},
  };

  it('counts what an adapter marks persisted (queued jobs, workflow histories) with or without skew.json persisted', () => {
    const alone = persistedMatcher(undefined, [model]);
    assert.deepEqual(['images', 'OrderStored', 'Ping'].filter(alone), ['images']);
    const configured = persistedMatcher({ messages: ['src/store/**'], since: 'v1.0.0' }, [model]);
    assert.deepEqual(['images', 'OrderStored', 'Ping'].filter(configured), ['images', 'OrderStored']);
    assert.deepEqual(['images', 'OrderStored', 'Ping'].filter(persistedMatcher({ messages: [], since: 'v1.0.0' }, [model])), ['images']);
  });
});
