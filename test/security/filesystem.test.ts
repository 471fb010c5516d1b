import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { assertOneLineError, checkJson, runCli } from '../cli/run-cli';
import { TempRepo, TSCONFIG } from '../cli/temp-repo';

/** Hostile and awkward file systems: symlinks out of the repository, device files, monorepo configs. */

const ORDER_V1 = `/** @wire */
export interface OrderCreated {
  id: string;
  note?: string;
}
`;
/** A field made required: --fix makes it optional again. */
const ORDER_V2 = ORDER_V1.replace('note?: string', 'note: string');

const repos: TempRepo[] = [];
after(() => repos.forEach((r) => r.dispose()));

function repo(files: Record<string, string>): TempRepo {
  const r = TempRepo.create(files);
  repos.push(r);
  return r;
}

/**
 * The CLI runs from source through tsx, which reads the tsconfig.json of the folder it starts in: point it at
 * Skew's own, or a hostile tsconfig.json would attack the test harness instead of Skew.
 */
const TSX_TSCONFIG_PATH = path.resolve(__dirname, '..', '..', 'tsconfig.json');
const env = (r: TempRepo) => ({ SKEW_CACHE_DIR: r.cacheDir, TSX_TSCONFIG_PATH });
const cli = (r: TempRepo, args: string[], cwd = r.dir) => runCli(args, { cwd, env: env(r) });

describe('symlinks: --fix never writes outside the project', { concurrency: 2 }, () => {
  it('leaves a file alone that a folder, real at the baseline, now links to outside the repository', async () => {
    const r = repo({ 'tsconfig.json': TSCONFIG, 'src/messages.ts': ORDER_V1 });
    r.commit('v1');
    r.tag('v1');
    const outside = path.join(r.scratch, 'outside');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'messages.ts'), ORDER_V2);
    r.remove('src');
    fs.symlinkSync(outside, path.join(r.dir, 'src'));
    const run = await cli(r, ['check', '--fix']);
    assert.equal(fs.readFileSync(path.join(outside, 'messages.ts'), 'utf8'), ORDER_V2, `${run.stdout}\n${run.stderr}`);
    assert.deepEqual(fs.readdirSync(outside), ['messages.ts']);
    // The working tree does not follow the link either, and says so.
    assert.match(run.stderr, /^skew: warning: src:1:1: skipped in the working tree: a symbolic link to a location outside the repository/m);
  });

  it('leaves a file alone whose folder now links elsewhere in the repository, outside the project', async () => {
    const r = repo({ 'app/tsconfig.json': TSCONFIG, 'app/src/messages.ts': ORDER_V1, 'shared/messages.ts': ORDER_V2 });
    r.commit('v1');
    r.tag('v1');
    r.remove('app/src');
    fs.symlinkSync('../shared', path.join(r.dir, 'app', 'src'));
    const run = await cli(r, ['check', '--fix'], path.join(r.dir, 'app'));
    assert.equal(r.read('shared/messages.ts'), ORDER_V2, `${run.stdout}\n${run.stderr}`);
    assert.deepEqual(fs.readdirSync(path.join(r.dir, 'shared')), ['messages.ts']);
    assert.match(run.stdout + run.stderr, /not fixing src\/messages\.ts: its real location \S+shared\/messages\.ts is outside the project/);
  });

  it('still fixes a file through a symlink inside the project, and keeps the symlink', async () => {
    const r = repo({ 'tsconfig.json': TSCONFIG, 'lib/messages.ts': ORDER_V1 });
    fs.mkdirSync(path.join(r.dir, 'src'));
    fs.symlinkSync('../lib/messages.ts', path.join(r.dir, 'src', 'messages.ts'));
    r.commit('v1');
    r.tag('v1');
    r.write({ 'lib/messages.ts': ORDER_V2 });
    const run = await cli(r, ['check', '--fix']);
    assert.match(run.stdout, /fixed (src|lib)\/messages\.ts/, `${run.stdout}\n${run.stderr}`);
    assert.equal(r.read('lib/messages.ts'), ORDER_V1);
    assert.equal(fs.lstatSync(path.join(r.dir, 'src', 'messages.ts')).isSymbolicLink(), true);
  });
});

describe('symlinks: both versions read them the same way', { concurrency: 2 }, () => {
  it('an unchanged repository with a committed in-repository folder link has no findings, run after run', async () => {
    const r = repo({
      'tsconfig.json': TSCONFIG,
      'shared/address.ts': 'export interface Address {\n  street: string;\n  zip: string;\n}\n',
      'src/messages.ts': "import type { Address } from './shared/address';\n\n/** @wire */\nexport interface OrderCreated {\n  id: string;\n  address: Address;\n}\n",
    });
    fs.symlinkSync('../shared', path.join(r.dir, 'src', 'shared'));
    r.commit('v1');
    r.tag('v1');
    for (let run = 0; run < 2; run++) {
      const { report, code, stderr } = await checkJson(r.dir, r.cacheDir);
      assert.equal(code, 0, `run ${run}: ${JSON.stringify(report.findings)}\n${stderr}`);
      assert.equal(report.findings.length, 0);
      assert.doesNotMatch(stderr, /warning/);
    }
    // And a real change behind the link is seen, in the baseline as through the link.
    r.write({ 'shared/address.ts': 'export interface Address {\n  street: string;\n}\n' });
    const changed = await checkJson(r.dir, r.cacheDir);
    assert.equal(changed.code, 1, changed.stderr);
    assert.ok(changed.report.findings.some((f) => f.path === 'OrderCreated.address.zip'), JSON.stringify(changed.report.findings));
  });

  it('a contract file linked to outside the repository is skipped in both versions, and said so', async () => {
    const r = repo({ 'tsconfig.json': TSCONFIG, 'src/messages.ts': ORDER_V1 });
    const outside = path.join(r.scratch, 'outside.ts');
    fs.writeFileSync(outside, '/** @wire */\nexport interface Secret {\n  token: string;\n}\n');
    fs.symlinkSync(outside, path.join(r.dir, 'src', 'secret.ts'));
    r.commit('v1');
    r.tag('v1');
    fs.writeFileSync(outside, '/** @wire */\nexport interface Secret {\n  token: number;\n}\n');
    const run = await cli(r, ['check']);
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stderr, /^skew: warning: src\/secret\.ts:1:1: skipped in the working tree and in v1: a symbolic link to a location outside the repository/m);
  });
});

describe('device files and unbounded reads', { concurrency: 2, skip: process.platform === 'win32' }, () => {
  for (const device of ['/dev/zero', '/dev/stdin']) {
    it(`refuses a skew.json linked to ${device}, at once, naming the file`, async () => {
      const r = repo({ 'tsconfig.json': TSCONFIG, 'src/messages.ts': ORDER_V1 });
      fs.symlinkSync(device, path.join(r.dir, 'skew.json'));
      r.commit('v1');
      r.tag('v1');
      const line = assertOneLineError(await cli(r, ['check']));
      assert.match(line, /skew\.json: not a regular file/);
    });
  }

  it('refuses a tsconfig.json linked to /dev/zero, naming the file and the reason', async () => {
    const r = repo({ 'src/messages.ts': ORDER_V1 });
    fs.symlinkSync('/dev/zero', path.join(r.dir, 'tsconfig.json'));
    r.commit('v1');
    r.tag('v1');
    const line = assertOneLineError(await cli(r, ['check']));
    assert.match(line, /tsconfig\.json in working tree is a symbolic link to a location outside the repository/);
  });

  it('skips a source file over the size cap in both versions, and says so', async () => {
    const big = `export const filler = "${'x'.repeat(8 * 1024 * 1024)}";\n`;
    const r = repo({ 'tsconfig.json': TSCONFIG, 'src/messages.ts': ORDER_V1, 'src/big.ts': big });
    r.commit('v1');
    r.tag('v1');
    const run = await cli(r, ['check']);
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stderr, /warning: src\/big\.ts:1:1: skipped in the working tree and in v1: larger than 8 MB/);
  });
});

describe('monorepos: tsconfig extends', { concurrency: 2 }, () => {
  const BASE = JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'commonjs' } });
  const PKG = JSON.stringify({ extends: '../../tsconfig.base.json' });

  it('follows a base config above the project folder inside the repository, in both versions', async () => {
    const r = repo({ 'tsconfig.base.json': BASE, 'packages/api/tsconfig.json': PKG, 'packages/api/src/messages.ts': ORDER_V1 });
    r.commit('v1');
    r.tag('v1');
    const cwd = path.join(r.dir, 'packages', 'api');
    const clean = await runCli(['check', '--format', 'json'], { cwd, env: env(r) });
    assert.equal(clean.code, 0, `${clean.stdout}\n${clean.stderr}`);
    r.write({ 'packages/api/src/messages.ts': ORDER_V2 });
    const changed = await runCli(['check', '--format', 'json'], { cwd, env: env(r) });
    assert.equal(changed.code, 1, changed.stderr);
    assert.match(changed.stdout, /field-made-required/);
  });

  it('refuses a base config outside the repository, saying so', async () => {
    const r = repo({ 'packages/api/tsconfig.json': JSON.stringify({ extends: '../../../base.json' }), 'packages/api/src/messages.ts': ORDER_V1 });
    fs.writeFileSync(path.join(r.scratch, 'base.json'), BASE);
    r.commit('v1');
    r.tag('v1');
    const run = await runCli(['check'], { cwd: path.join(r.dir, 'packages', 'api'), env: env(r) });
    const line = assertOneLineError(run);
    assert.match(line, /refers to \.\.\/\.\.\/\.\.\/base\.json, which is outside the repository/);
  });
});

describe('byte order marks', () => {
  it('reads a skew.json and a tsconfig.json that start with one', async () => {
    const r = repo({
      'tsconfig.json': `\uFEFF${TSCONFIG}`,
      'skew.json': `\uFEFF${JSON.stringify({ messages: ['src/plain/*.ts'] })}`,
      'src/plain/order.ts': 'export interface Plain {\n  id: string;\n}\n',
    });
    r.commit('v1');
    r.tag('v1');
    r.write({ 'src/plain/order.ts': 'export interface Plain {\n  id: number;\n}\n' });
    const { code, report, stderr } = await checkJson(r.dir, r.cacheDir);
    assert.equal(code, 1, stderr);
    assert.ok(report.findings.some((f) => f.path === 'Plain.id'), JSON.stringify(report.findings));
  });
});
