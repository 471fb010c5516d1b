import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { JsonReport } from '../../server/src/report/json';
import { assertOneLineError, runCli } from './run-cli';
import { monorepo } from './monorepo-fixture';
import type { TempRepo } from './temp-repo';

interface ProjectsJson {
  projects: (JsonReport & { project: string })[];
}

const findingsOf = (report: JsonReport) => report.findings.map((f) => `${f.path} ${f.rule}`).sort();

async function check(repo: TempRepo, args: string[]) {
  return runCli(['check', ...args], { cwd: repo.dir, env: { SKEW_CACHE_DIR: repo.cacheDir } });
}

function parse<T>(run: { stdout: string; stderr: string; code: number }): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not one JSON document (exit ${run.code}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}

describe('`skew check` in a monorepo', { concurrency: 1 }, () => {
  let repo: TempRepo;
  before(() => {
    repo = monorepo();
  });
  after(() => repo.dispose());

  it('checks each referenced project with contracts against its own baseline, grouped per project', async () => {
    const run = await check(repo, ['--format', 'json']);
    assert.equal(run.code, 1, run.stderr);
    const { projects } = parse<ProjectsJson>(run);
    assert.deepEqual(projects.map((p) => p.project), ['packages/common', 'services/billing', 'services/orders']);
    const [common, billing, orders] = projects;
    assert.deepEqual(findingsOf(common!), ['Customer.tier field-required-added']);
    // The services' messages carry the shared Customer: its break reaches them, read from the baseline's packages/common.
    assert.deepEqual(findingsOf(billing!), ['InvoiceSent.customer.tier field-required-added']);
    assert.deepEqual(findingsOf(orders!), ['OrderPlaced.customer.tier field-required-added', 'OrderPlaced.total type-changed']);
    assert.equal(orders!.findings.find((f) => f.path === 'OrderPlaced.customer.tier')?.file, '../../packages/common/src/customer.ts');
    assert.doesNotMatch(run.stderr, /Cannot resolve import/);
    assert.match(run.stderr, /^services\/orders: Comparing against deployed/m);
  });

  it('text and SARIF: one section, one run per project', async () => {
    const text = await check(repo, []);
    assert.equal(text.code, 1);
    const headers = text.stdout.split('\n').filter((l) => l.startsWith('━━'));
    assert.deepEqual(headers, ['━━ packages/common ━━', '━━ services/billing ━━', '━━ services/orders ━━']);
    const sarif = parse<{ runs: { automationDetails: { id: string }; results: { ruleId: string }[] }[] }>(await check(repo, ['--format', 'sarif']));
    assert.deepEqual(sarif.runs.map((r) => r.automationDetails.id), ['skew/packages/common/', 'skew/services/billing/', 'skew/services/orders/']);
    assert.deepEqual(sarif.runs.map((r) => r.results.length), [1, 1, 2]);
  });

  it('--project checks only the projects named; one project prints the usual single report', async () => {
    const one = await check(repo, ['--project', 'services/orders', '--format', 'json']);
    assert.equal(one.code, 1, one.stderr);
    const report = parse<JsonReport & { projects?: unknown }>(one);
    assert.equal(report.projects, undefined);
    assert.deepEqual(findingsOf(report), ['OrderPlaced.customer.tier field-required-added', 'OrderPlaced.total type-changed']);
    assert.match(one.stderr, /^Comparing against deployed/m);

    const two = await check(repo, ['--project', 'services/billing/tsconfig.json', '--project', 'packages/common', '--format', 'json']);
    assert.deepEqual(parse<ProjectsJson>(two).projects.map((p) => p.project), ['packages/common', 'services/billing']);
  });

  it('a contract whose file two projects read is reported once, by the project that owns the file', async () => {
    // The root project lists every file below it, Customer's among them: that file belongs to packages/common.
    const alone = parse<JsonReport>(await check(repo, ['--project', '.', '--format', 'json']));
    assert.deepEqual(findingsOf(alone), ['Customer.tier field-required-added', 'OrderPlaced.total type-changed']);
    const run = await check(repo, ['--project', '.', '--project', 'packages/common', '--format', 'json']);
    const { projects } = parse<ProjectsJson>(run);
    assert.deepEqual(projects.map((p) => p.project), ['.', 'packages/common']);
    const all = projects.flatMap((p) => p.findings.map((f) => `${p.project} ${f.path}`)).sort();
    assert.deepEqual(all, ['. OrderPlaced.total', 'packages/common Customer.tier']);
    assert.equal(projects[0]!.summary.breaking, 1);
  });

  it('the exit code is the worst over the projects', async () => {
    repo.write({ 'services/orders/src/orders.ts': repo.read('services/orders/src/orders.ts').replace('total: string', 'total: number') });
    repo.write({ 'packages/common/src/customer.ts': '/** @wire */\nexport interface Customer {\n  id: string;\n  email: string;\n}\n' });
    try {
      const clean = await check(repo, []);
      assert.equal(clean.code, 0, clean.stdout + clean.stderr);
      repo.write({ 'services/billing/src/invoices.ts': repo.read('services/billing/src/invoices.ts').replace('amount: number', 'amount: string') });
      const billingBreaks = await check(repo, ['--format', 'json']);
      assert.equal(billingBreaks.code, 1);
      assert.deepEqual(parse<ProjectsJson>(billingBreaks).projects.map((p) => p.findings.length), [0, 1, 0]);
    } finally {
      repo.git('checkout', '--', '.');
    }
  });

  it('--project naming nothing, or a file that is not a tsconfig.json: one error line, exit 2', async () => {
    assert.match(assertOneLineError(await check(repo, ['--project', 'services/nope'])), /--project services\/nope: .* does not exist/);
    assert.match(assertOneLineError(await check(repo, ['--project', 'services/orders/package.json'])), /is not a tsconfig\.json/);
    assert.match(assertOneLineError(await check(repo, ['--project', 'services'])), /no tsconfig\.json in .*services/);
  });
});

describe('`skew check` in an npm/yarn workspace', () => {
  it('finds the workspace folders by their globs and checks those with contracts', async () => {
    const repo = monorepo({ layout: 'workspaces' });
    try {
      const run = await check(repo, ['--format', 'json']);
      assert.equal(run.code, 1, run.stderr);
      // packages/util is a workspace without contracts: not checked.
      assert.deepEqual(parse<ProjectsJson>(run).projects.map((p) => p.project), ['packages/common', 'services/billing', 'services/orders']);
    } finally {
      repo.dispose();
    }
  });
});

describe('a workspace package imported by its name', () => {
  it('is read at the baseline commit through the link the install made, so its change reaches the services that import it', async () => {
    const repo = monorepo({ layout: 'workspaces', byName: true });
    try {
      assert.match(repo.read('services/billing/src/invoices.ts'), /from '@shop\/common'/);
      const run = await check(repo, ['--format', 'json', '--project', 'services/billing']);
      assert.equal(run.code, 1, run.stderr);
      const json = parse<{ findings: { contract: string; path: string }[] }>(run);
      assert.ok(json.findings.some((f) => f.contract === 'InvoiceSent' && f.path.includes('customer.tier')), JSON.stringify(json.findings));
    } finally {
      repo.dispose();
    }
  });
});

describe('`skew can-i-deploy` and `skew accept` with --project', () => {
  it('read the project with the rest of the repository, as check --project does', async () => {
    const repo = monorepo();
    try {
      const run = (args: string[]) => runCli(args, { cwd: repo.dir, env: { SKEW_CACHE_DIR: repo.cacheDir } });
      const deploy = await run(['can-i-deploy', '--project', 'services/billing']);
      // The shared Customer gained a required field: billing's InvoiceSent breaks old-to-new, so one order works.
      assert.equal(deploy.code, 3, deploy.stdout + deploy.stderr);
      const accepted = await run(['accept', 'InvoiceSent.customer.tier', '--reason', 'tier is backfilled', '--project', 'services/billing']);
      assert.equal(accepted.code, 0, accepted.stderr);
      assert.match(accepted.stdout, /Accepted InvoiceSent\.customer\.tier/);
      assert.match(repo.read('services/billing/skew.json'), /tier is backfilled/);
      assert.match(assertOneLineError(await run(['can-i-deploy', '--project', 'services/nope'])), /--project services\/nope: .* does not exist/);
    } finally {
      repo.dispose();
    }
  });
});
