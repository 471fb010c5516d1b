import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { assertOneLineError, runCli } from './run-cli';
import { TempRepo, TSCONFIG } from './temp-repo';

const V1 = '/** @wire */\nexport interface OrderCreated {\n  id: string;\n}\n';
const V2 = '/** @wire */\nexport interface OrderCreated {\n  id: string;\n  currency: string;\n}\n';
const PACKAGE_VERSION = (JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;

/** A repository tagged `deployed` on V1 with V2 committed on top, and a `--depth 1` clone of it (what CI checks out). */
function shallowSetup(): { origin: TempRepo; clone: string; old: string } {
  const origin = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/a.ts': V1 });
  const old = origin.commit('v1');
  origin.tag('deployed');
  origin.write({ 'src/a.ts': V2 });
  origin.commit('v2');
  const clone = path.join(origin.scratch, 'clone');
  origin.git('clone', '-q', '--depth', '1', pathToFileURL(origin.dir).href, clone);
  return { origin, clone, old };
}

describe('`skew` and its environment: git, shallow clones, version', { concurrency: 2 }, () => {
  it('git not installed: exit 2 and one line saying to install it', async () => {
    const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/a.ts': V1 });
    try {
      repo.commit();
      repo.tag('deployed');
      // node runs by absolute path, so a PATH of one empty folder hides only git.
      const emptyBin = path.join(repo.scratch, 'empty-bin');
      fs.mkdirSync(emptyBin);
      const run = await runCli(['check'], { cwd: repo.dir, env: { SKEW_CACHE_DIR: repo.cacheDir, PATH: emptyBin } });
      assert.equal(assertOneLineError(run), 'skew: git was not found on PATH: install git (https://git-scm.com) and try again');
    } finally {
      repo.dispose();
    }
  });

  it('a shallow clone without the deployed tag: says it is shallow and to fetch tags and unshallow', async () => {
    const { origin, clone } = shallowSetup();
    try {
      const run = await runCli(['check'], { cwd: clone, env: { SKEW_CACHE_DIR: origin.cacheDir } });
      assert.match(assertOneLineError(run), /no baseline to compare against.*this is a shallow clone: run git fetch --tags --unshallow/);
    } finally {
      origin.dispose();
    }
  });

  it('a shallow clone asked for a commit it does not have: names the ref, git fetch --tags and the shallow clone', async () => {
    const { origin, clone, old } = shallowSetup();
    try {
      const run = await runCli(['check', '--against', old], { cwd: clone, env: { SKEW_CACHE_DIR: origin.cacheDir } });
      const line = assertOneLineError(run);
      assert.match(line, new RegExp(`baseline ref \`${old}\` \\(--against\\) was not found in this repository`));
      assert.match(line, /git fetch --tags/);
      assert.match(line, /this is a shallow clone, so older commits may be missing: run git fetch --unshallow --tags/);

      // Doing what the message says makes the same command work.
      origin.git('-C', clone, 'fetch', '-q', '--unshallow', '--tags');
      const after = await runCli(['check', '--against', old, '--format', 'json'], { cwd: clone, env: { SKEW_CACHE_DIR: origin.cacheDir } });
      assert.equal(after.code, 1, after.stderr);
      assert.deepEqual((JSON.parse(after.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule), ['field-required-added']);
    } finally {
      origin.dispose();
    }
  });

  it("runs no program the repository's .git/config or hooks name, and does not rewrite its index", async () => {
    const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/a.ts': V1 });
    try {
      repo.commit();
      repo.tag('deployed');
      repo.write({ 'src/a.ts': V2 });
      const marker = path.join(repo.scratch, 'ran');
      const script = path.join(repo.scratch, 'evil.sh');
      fs.writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> '${marker}'\n`, { mode: 0o755 });
      // A folder someone downloaded can carry any .git/config: fsmonitor is run by `ls-files` and `status`,
      // post-index-change whenever `status` rewrites the index.
      repo.git('config', 'core.fsmonitor', script);
      fs.copyFileSync(script, path.join(repo.dir, '.git/hooks/post-index-change'));
      fs.chmodSync(path.join(repo.dir, '.git/hooks/post-index-change'), 0o755);
      // Touched but unchanged: `git status` would normally refresh this entry and write the index.
      const later = new Date(Date.now() + 5000);
      fs.utimesSync(path.join(repo.dir, 'tsconfig.json'), later, later);
      const index = fs.statSync(path.join(repo.dir, '.git/index')).mtimeMs;

      // markdown shows the working tree's state, which asks `git status`.
      const run = await runCli(['check', '--format', 'markdown'], { cwd: repo.dir, env: { SKEW_CACHE_DIR: repo.cacheDir } });
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stdout, /currency/);
      assert.equal(fs.existsSync(marker), false, fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : '');
      assert.equal(fs.statSync(path.join(repo.dir, '.git/index')).mtimeMs, index, 'the index was not rewritten');
    } finally {
      repo.dispose();
    }
  });

  it('--version and -V print the package version', async () => {
    const dir = TempRepo.create({}, { git: false });
    try {
      for (const flag of ['--version', '-V']) {
        const run = await runCli([flag], { cwd: dir.dir });
        assert.deepEqual([run.code, run.stdout, run.stderr], [0, `${PACKAGE_VERSION}\n`, '']);
      }
    } finally {
      dir.dispose();
    }
  });
});
