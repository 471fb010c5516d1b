import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, describe, it } from 'node:test';
import { checkAndFix } from '../../server/src/project/apply-fixes';
import { runCli } from './run-cli';
import { TempRepo, TSCONFIG } from './temp-repo';

const ORDER_V1 = `/** @wire */
export interface OrderCreated {
  id: string;
  amount: number;
  note?: string;
}
`;

const PRIORITY_V1 = `export enum Priority {
  Low,
  High,
}

/** @wire */
export interface TicketOpened {
  priority: Priority;
}
`;

/** Two required fields added, a field made required, an enum renumbered: all fixable. The amount change is not. */
const ORDER_V2 = ORDER_V1.replace('  note?: string;\n', '  note: string;\n  currency: string;\n  region: string;\n');
const PRIORITY_V2 = PRIORITY_V1.replace('  Low,\n', '  Low,\n  Medium,\n');

function repoWithChanges(extra: Record<string, string> = {}): TempRepo {
  const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/messages.ts': ORDER_V1, 'src/ticket.ts': PRIORITY_V1, 'src/untouched.ts': 'export const x = 1;\n' });
  repo.commit('v1');
  repo.tag('v1.4.0');
  repo.write({ 'src/messages.ts': ORDER_V2, 'src/ticket.ts': PRIORITY_V2, ...extra });
  return repo;
}

describe('skew check --fix', { concurrency: 2 }, () => {
  it('exits 0 when every finding was fixed', async () => {
    const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/messages.ts': ORDER_V1 });
    repos.push(repo);
    repo.commit('v1');
    repo.tag('v1.4.0');
    repo.write({ 'src/messages.ts': ORDER_V2 });
    const run = await runCli(['check', '--fix'], { cwd: repo.dir, env: { SKEW_CACHE_DIR: repo.cacheDir } });
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /^No breaking changes against v1\.4\.0/m);
  });

  const repos: TempRepo[] = [];
  after(() => repos.forEach((r) => r.dispose()));

  it('applies every safe fix on disk, says what it changed, and reports only what is left', async () => {
    const repo = repoWithChanges();
    repos.push(repo);
    const run = await runCli(['check', '--fix'], { cwd: repo.dir, env: { SKEW_CACHE_DIR: repo.cacheDir } });
    // Pinning keeps Low and High; Medium is then a genuinely new value, which old readers do not know.
    assert.equal(run.code, 1, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /TicketOpened\.priority\.Medium\s+enum-member-added/);
    assert.match(run.stdout, /^1 breaking change in 1 contract/m);
    assert.match(run.stdout, /^fixed src\/messages\.ts: Make currency optional so deployed \(v1\.4\.0\) senders stay valid$/m);
    assert.match(run.stdout, /^fixed src\/messages\.ts: Make region optional/m);
    assert.match(run.stdout, /^fixed src\/messages\.ts: Keep note optional/m);
    assert.match(run.stdout, /^fixed src\/ticket\.ts: Pin every member of Priority/m);
    assert.equal(repo.read('src/messages.ts'), ORDER_V1.replace('  note?: string;\n', '  note?: string;\n  currency?: string;\n  region?: string;\n'));
    assert.equal(repo.read('src/ticket.ts'), PRIORITY_V1.replace('  Low,\n  High,\n', '  Low = 0,\n  Medium = 2,\n  High = 1,\n'));
    // Only the two fixed files changed, and no temporary file is left behind.
    assert.equal(repo.git('status', '--porcelain', '--untracked-files=all'), ' M src/messages.ts\n M src/ticket.ts\n');
  });

  it('keeps stdout one JSON document, reports fixes on stderr, and exits 1 for what no fix can make safe', async () => {
    // The baseline has Payment.amount as a number: a string breaks both ways, which no widening fixes.
    const base = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/payment.ts': '/** @wire */\nexport interface Payment {\n  amount: number;\n}\n', 'src/messages.ts': ORDER_V1, 'src/ticket.ts': PRIORITY_V1 });
    repos.push(base);
    base.commit('v1');
    base.tag('v1.4.0');
    base.write({ 'src/payment.ts': '/** @wire */\nexport interface Payment {\n  amount: string;\n}\n', 'src/messages.ts': ORDER_V2 });
    const run = await runCli(['check', '--fix', '--format', 'json'], { cwd: base.dir, env: { SKEW_CACHE_DIR: base.cacheDir } });
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { findings: { rule: string; path: string }[] };
    assert.deepEqual(report.findings.map((f) => `${f.rule} ${f.path}`), ['type-changed Payment.amount']);
    assert.match(run.stderr, /^fixed src\/messages\.ts: Make currency optional/m);
    assert.equal(base.read('src/payment.ts'), '/** @wire */\nexport interface Payment {\n  amount: string;\n}\n', 'no fix for a break both ways');

    const again = await runCli(['check', '--fix'], { cwd: base.dir, env: { SKEW_CACHE_DIR: base.cacheDir } });
    assert.equal(again.code, 1);
    assert.match(again.stdout, /--fix found nothing it can fix safely/);
  });

  it('refuses a file that changed on disk after it was read, and writes the others', async () => {
    const repo = repoWithChanges();
    repos.push(repo);
    const edited = ORDER_V2.replace('  region: string;\n', '  region: string;\n  typedMeanwhile: string;\n');
    const fixed = await checkAndFix(
      { cwd: repo.dir, cacheDir: repo.cacheDir },
      { beforeWrite: (file) => void (file === 'src/messages.ts' && fs.writeFileSync(`${repo.dir}/src/messages.ts`, edited)) },
    );
    assert.equal(repo.read('src/messages.ts'), edited, 'the concurrent edit survives');
    assert.deepEqual(fixed.refused, [{ file: 'src/messages.ts', reason: 'it changed on disk after Skew read it' }]);
    assert.deepEqual(fixed.changed.map((c) => c.file), ['src/ticket.ts']);
    assert.match(repo.read('src/ticket.ts'), /Low = 0,/);
    assert.ok(fixed.result.findings.some((f) => f.path === 'OrderCreated.currency'), 'what it did not fix is still reported');
  });
});

describe('skew check --fix and a file edited while it runs', () => {
  const repos: TempRepo[] = [];
  after(() => repos.forEach((r) => r.dispose()));

  it('computes its edits from the text it writes, not from an older text the check read', async () => {
    const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/messages.ts': ORDER_V1 });
    repos.push(repo);
    repo.commit('v1');
    repo.tag('v1.4.0');
    repo.write({ 'src/messages.ts': ORDER_V2 });
    // Lines move between the check and the fix: positions from the check would land in the wrong place.
    const edited = '// a comment someone added\n' + ORDER_V2;
    let once = false;
    const fixed = await checkAndFix(
      { cwd: repo.dir, cacheDir: repo.cacheDir },
      { afterCheck: () => void (!once && ((once = true), fs.writeFileSync(`${repo.dir}/src/messages.ts`, edited))) },
    );
    assert.equal(
      repo.read('src/messages.ts'),
      '// a comment someone added\n' + ORDER_V1.replace('  note?: string;\n', '  note?: string;\n  currency?: string;\n  region?: string;\n'),
    );
    assert.deepEqual(fixed.result.findings, []);
  });
});

describe('skew check --fix and a file it cannot write', () => {
  const repos: TempRepo[] = [];
  after(() => repos.forEach((r) => r.dispose()));

  it('reports the file it could not write, keeps the others written, and leaves no temporary file', async (t) => {
    const repo = repoWithChanges();
    repos.push(repo);
    // The module object itself: a namespace import only holds getters onto it, which cannot be mocked.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above: the mockable module object
    const nodeFs = require('node:fs') as typeof fs;
    const rename = nodeFs.renameSync;
    t.mock.method(nodeFs, 'renameSync', (from: fs.PathLike, to: fs.PathLike) => {
      if (String(to).endsWith('messages.ts')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return rename(from, to);
    });
    const fixed = await checkAndFix({ cwd: repo.dir, cacheDir: repo.cacheDir });
    t.mock.restoreAll();
    assert.deepEqual(fixed.refused, [{ file: 'src/messages.ts', reason: 'Skew could not write it (EACCES: permission denied)' }]);
    assert.deepEqual(fixed.changed.map((c) => c.file), ['src/ticket.ts']);
    assert.equal(repo.read('src/messages.ts'), ORDER_V2);
    assert.equal(repo.git('status', '--porcelain', '--untracked-files=all'), ' M src/messages.ts\n M src/ticket.ts\n');
  });
});
