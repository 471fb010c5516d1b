import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { assertOneLineError, runCli } from './run-cli';
import { TempRepo, TSCONFIG } from './temp-repo';

const GOOD = '/** @wire */\nexport interface OrderCreated {\n  id: string;\n}\n';
const BROKEN = '/** @wire */\nexport interface OrderCreated {\n  id: string;\n  amount: number\n  = ;\n}\n';

async function check(repo: TempRepo, args: string[] = []) {
  return runCli(['check', ...args], { cwd: repo.dir, env: { SKEW_CACHE_DIR: repo.cacheDir } });
}

/** Each error: exit 2, one `skew:` line on stderr saying what to do, nothing on stdout, no stack trace. */
describe('`skew check` errors', { concurrency: 2 }, () => {
  it('a folder that is not a git repository', async () => {
    const dir = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/a.ts': GOOD }, { git: false });
    try {
      assert.match(assertOneLineError(await check(dir)), /not inside a git repository/);
    } finally {
      dir.dispose();
    }
  });

  it('a ref that does not exist, and no baseline tag at all', async () => {
    const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/a.ts': GOOD });
    try {
      repo.commit();
      const missing = assertOneLineError(await check(repo, ['--against', 'v9.9.9']));
      assert.match(missing, /`v9\.9\.9`.*not found.*git fetch --tags/);
      const none = assertOneLineError(await check(repo));
      assert.match(none, /no baseline.*git tag deployed.*--against.*git fetch --tags/);
    } finally {
      repo.dispose();
    }
  });

  it('no tsconfig.json here or above', async () => {
    const repo = TempRepo.create({ 'src/a.ts': GOOD });
    try {
      repo.commit();
      repo.tag('deployed');
      assert.match(assertOneLineError(await check(repo)), /no tsconfig\.json in .* or any folder above it/);
      const gone = assertOneLineError(await check(repo, ['--cwd', path.join(repo.dir, 'nope')]));
      assert.match(gone, /is not a folder/);
    } finally {
      repo.dispose();
    }
  });

  it('a syntax error in the baseline names the file and line', async () => {
    const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/a.ts': BROKEN });
    try {
      repo.commit();
      repo.tag('deployed');
      repo.write({ 'src/a.ts': GOOD });
      assert.match(assertOneLineError(await check(repo)), /baseline deployed \([0-9a-f]{7}\) does not parse: src\/a\.ts:5:\d+: /);
    } finally {
      repo.dispose();
    }
  });

  it('a syntax error in the working tree names the file and line', async () => {
    const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/a.ts': GOOD });
    try {
      repo.commit();
      repo.tag('deployed');
      repo.write({ 'src/a.ts': BROKEN });
      assert.match(assertOneLineError(await check(repo, ['--format', 'json'])), /^skew: src\/a\.ts:5:\d+: .*fix the syntax error/);
    } finally {
      repo.dispose();
    }
  });

  it('bad arguments and a malformed skew.json', async () => {
    const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/a.ts': GOOD, 'skew.json': '{ "mesages": [] }' });
    try {
      repo.commit();
      repo.tag('deployed');
      assert.match(assertOneLineError(await check(repo)), /skew\.json: unknown key "mesages"/);
      assert.match(assertOneLineError(await check(repo, ['--format', 'xml'])), /xml/);
      assert.match(assertOneLineError(await runCli(['check', '--bogus'], { cwd: repo.dir })), /unknown option '--bogus'/);
    } finally {
      repo.dispose();
    }
  });
});
