import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CheckResult } from '../../../server/src/project/session';
import { formatText } from '../../../server/src/report/text';
import { toJsonFinding } from '../../../server/src/report/json';
import { buildReport } from '../../../server/src/report/report-model';
import { formatMarkdown } from '../../../server/src/report/markdown';
import { findingDetail } from '../../../server/src/lsp/finding-message';
import { extractProject, packageJson } from './adapter-helper.js';
import { compareModels } from '../../../server/src/rules/index.js';

const TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022'], types: [] } });

const producer = (data: string) => `import { Queue } from 'bullmq';
const images = new Queue<${data}, void, 'resize'>('images');
export const enqueue = () => images.add('resize', { url: 'a' } as never);
`;

const project = (data: string) => ({ 'package.json': packageJson('bullmq'), 'tsconfig.json': TSCONFIG, 'src/producer.ts': producer(data) });

/** A BullMQ job that loses a field: this version's producers send what deployed workers reject. */
function check(): { result: CheckResult; models: { baseline: ReturnType<typeof extractProject>['model']; working: ReturnType<typeof extractProject>['model'] } } {
  const baseline = extractProject(project('{ url: string; width: number }'), {}, 'baseline').model;
  const working = extractProject(project('{ url: string }'), {}, 'working tree').model;
  const { findings, suppressed, changed } = compareModels(baseline, working);
  const result: CheckResult = {
    root: '/work/project',
    baseline: { ref: 'v1', commit: '1234567890abcdef1234567890abcdef12345678', how: 'deployed-tag', date: '2024-05-01T10:00:00+02:00' },
    findings,
    suppressed,
    problems: [],
    files: [],
    summary: { contracts: 1, changed: changed.length, breaking: findings.length, suppressed: suppressed.length },
  };
  return { result, models: { baseline, working } };
}

test('the text report words directions, safe order and rollout plan as producers and workers', () => {
  const out = formatText(check().result);
  assert.match(out, /breaks new-to-old: a worker on the baseline receiving images from a producer on this version fails\n/);
  assert.match(out, /safe order: upgrade workers first, then producers\n/);
  assert.match(out, /Rollout plan: Upgrade workers first, then producers\n/);
  assert.match(out, /1\. Upgrade every worker of images\.\n {4}2\. Then upgrade every producer of images\.\n/);
});

test('JSON keeps the roles as data; the report model and Markdown use their words; the hover names them', () => {
  const { result, models } = check();
  const [finding] = result.findings;
  assert.deepEqual(toJsonFinding(finding!).roles, { caller: 'producer', callee: 'worker' });
  const report = buildReport({ result, models });
  assert.deepEqual(report.contracts[0]?.findings[0]?.roles, { caller: 'producer', callee: 'worker' });
  assert.equal(report.contracts[0]?.findings[0]?.orderWords, 'upgrade workers first, then producers');
  assert.match(formatMarkdown(report), /Rollout plan: Upgrade workers first, then producers/);
  const hover = findingDetail(finding!, 'v1', [finding!.contract], 'https://example.test/rule');
  assert.match(hover, /- \*\*new-to-old\*\*: A worker on v1 receiving images from a producer on this version fails\./);
  assert.match(hover, /- \*\*Safe order\*\*: upgrade workers first, then producers\./);
});
