import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { checkJson, runCli } from './run-cli';
import { TempRepo } from './temp-repo';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler' } });

/** A project whose node_modules is this repository's: the real zod and valibot, installed, never committed. */
function schemaRepo(messages: string, withLibraries = true): TempRepo {
  const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, '.gitignore': 'node_modules\n', 'src/messages.ts': messages });
  if (withLibraries) fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), repo.path('node_modules'));
  repo.commit('deployed');
  repo.tag('deployed');
  return repo;
}

describe('skew check on schema contracts', () => {
  const repos: TempRepo[] = [];
  after(() => repos.forEach((r) => r.dispose()));

  it('reads the baseline schema from git and the libraries from node_modules, and finds the change', async () => {
    const repo = schemaRepo("import { z } from 'zod';\n/** @wire */\nexport const Order = z.object({ id: z.string() });\nexport type Order = z.infer<typeof Order>;\n");
    repos.push(repo);
    repo.writeFile('src/messages.ts', "import * as v from 'valibot';\n/** @wire */\nexport const Order = v.object({ id: v.string(), qty: v.number() });\n");
    const { code, report, stderr } = await checkJson(repo.dir, repo.cacheDir);
    assert.equal(code, 1, stderr);
    assert.deepEqual(
      report.findings.map((f) => `${f.rule} ${f.path} ${f.breaks.join(',')}`),
      ['field-required-added Order.qty old-to-new'],
    );
    assert.doesNotMatch(stderr, /warning|error/);
  });

  it('a tagged schema whose library is not installed is not checked, never passed', async () => {
    const repo = schemaRepo("import { z } from 'zod';\n/** @wire */\nexport const Order = z.object({ id: z.string() });\n", false);
    repos.push(repo);
    const run = await runCli(['check'], { cwd: repo.dir, env: { SKEW_CACHE_DIR: repo.cacheDir } });
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /src\/messages\.ts:3:14: 'Order' is tagged @wire but is not a zod or valibot schema Skew can read \(is the library installed\?\)/);
  });
});
