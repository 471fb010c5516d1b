import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reportCrash } from '../../server/src/cli';
import type { Finding } from '../../server/src/rules';
import { SkewError } from '../../server/src/common/errors';
import type { CheckResult } from '../../server/src/project/session';
import { toJsonReport } from '../../server/src/report/json';
import { formatText } from '../../server/src/report/text';

const range = { start: { line: 3, character: 2 }, end: { line: 3, character: 10 } };
const finding = (over: Partial<Finding>): Finding => ({
  rule: 'field-required-added',
  contract: 'OrderCreated',
  contractKind: 'message',
  path: 'OrderCreated.currency',
  steps: [{ kind: 'field', name: 'currency' }],
  flow: 'message',
  breaks: ['old-to-new'],
  order: 'writers-first',
  severity: 'error',
  message: 'Required field `currency` was added.',
  loc: { file: 'src/messages.ts', range },
  ...over,
});

const result = (findings: Finding[], suppressed: Finding[] = []): CheckResult => ({
  root: '/p',
  baseline: { ref: 'deployed', commit: 'a'.repeat(40), how: 'deployed-tag', date: '2024-05-01T00:00:00Z' },
  findings,
  suppressed,
  problems: [],
  files: [],
  summary: { contracts: 3, changed: 2, breaking: findings.length, suppressed: suppressed.length },
});

describe('text report', () => {
  it('groups by contract and says direction and safe order in words, without colour', () => {
    const text = formatText(
      result([
        finding({}),
        finding({ contract: 'UserService', contractKind: 'service', path: 'UserService.getUser(tenant)', steps: [{ kind: 'method', name: 'getUser' }, { kind: 'param', name: 'tenant', index: 0 }], flow: 'request', order: 'none', breaks: ['old-to-new', 'new-to-old'], loc: undefined }),
      ]),
    );
    assert.doesNotMatch(text, /\u001b\[/);
    assert.match(text, /^OrderCreated \(message\)\n  ✖ OrderCreated\.currency  field-required-added\n/m);
    assert.match(text, /breaks old-to-new: a baseline node writing OrderCreated cannot be read by this version/);
    assert.match(text, /safe order: upgrade writers first, then readers/);
    assert.match(text, /at src\/messages\.ts:4:3/);
    assert.match(text, /UserService \(RPC service\)/);
    assert.match(text, /breaks old-to-new: baseline clients calling this version's UserService server fail/);
    assert.match(text, /breaks new-to-old: this version's clients calling a baseline UserService server fail/);
    assert.match(text, /safe order: no safe order: needs an expand\/contract over two releases/);
    assert.match(text, /2 breaking changes in 2 contracts against deployed \(3 contracts checked, 2 changed\)\.\n$/);
    assert.match(formatText(result([])), /No breaking changes against deployed/);
    assert.match(formatText(result([finding({})]), { color: true }), /\u001b\[31m/);
  });
});

describe('JSON report', () => {
  it('has the documented shape, with null locations when absent', () => {
    const json = toJsonReport(result([finding({ baselineLoc: undefined })], [finding({ path: 'OrderCreated.x', steps: [{ kind: 'field', name: 'x' }], suppressed: { reason: 'ok', by: 'config' } })]));
    assert.deepEqual(Object.keys(json), ['baseline', 'findings', 'suppressed', 'summary']);
    assert.deepEqual(json.baseline, { ref: 'deployed', commit: 'a'.repeat(40) });
    assert.deepEqual(json.findings[0], {
      rule: 'field-required-added',
      contract: 'OrderCreated',
      path: 'OrderCreated.currency',
      breaks: ['old-to-new'],
      order: 'writers-first',
      severity: 'error',
      message: 'Required field `currency` was added.',
      file: 'src/messages.ts',
      range,
      baselineFile: null,
      baselineRange: null,
    });
    assert.equal(json.suppressed[0]!.reason, 'ok');
    assert.deepEqual(json.summary, { contracts: 3, changed: 2, breaking: 1, suppressed: 1 });
  });
});

describe('crash reporting', () => {
  function capture(fn: () => number): { code: number; err: string } {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- put back onto process.stderr below, where `this` is right again
    const write = process.stderr.write;
    let err = '';
    process.stderr.write = ((chunk: string) => ((err += chunk), true));
    try {
      return { code: fn(), err };
    } finally {
      process.stderr.write = write;
    }
  }

  it('prints one line for expected errors and unexpected ones; the stack only with SKEW_DEBUG=1', () => {
    const saved = process.env.SKEW_DEBUG;
    try {
      delete process.env.SKEW_DEBUG;
      assert.deepEqual(capture(() => reportCrash(new SkewError('no-tsconfig', 'no tsconfig.json'))), { code: 2, err: 'skew: no tsconfig.json\n' });
      const unexpected = capture(() => reportCrash(new TypeError('boom\nsecond line')));
      assert.equal(unexpected.code, 2);
      assert.equal(unexpected.err, 'skew: unexpected error: boom second line (run with SKEW_DEBUG=1 for details)\n');
      process.env.SKEW_DEBUG = '1';
      const debug = capture(() => reportCrash(new TypeError('boom')));
      assert.match(debug.err, /^skew: unexpected error: boom\nTypeError: boom\n\s+at /);
    } finally {
      if (saved === undefined) delete process.env.SKEW_DEBUG;
      else process.env.SKEW_DEBUG = saved;
    }
  });
});
