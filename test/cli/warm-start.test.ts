// A second `skew check` with nothing changed takes everything from the cache, so it must not even load the
// TypeScript compiler (most of a warm run's time would be spent just loading it).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { checkJson } from './run-cli';
import { TempRepo, TSCONFIG } from './temp-repo';

const V1 = '/** @wire */\nexport interface OrderCreated {\n  orderId: string;\n}\n';
const V2 = '/** @wire */\nexport interface OrderCreated {\n  orderId: string;\n  currency: string;\n}\n';

// Preloaded into the CLI's process: says on exit whether any module of the compiler was loaded (the bundle's
// dist/ts-morph.js, or the packages themselves).
const PROBE = `process.on('exit', () => {
  const loaded = Object.keys(require.cache).some((f) => /[\\\\/](node_modules[\\\\/](typescript|ts-morph|@ts-morph)[\\\\/]|dist[\\\\/]ts-morph\\.js$)/.test(f));
  process.stderr.write('\\nskew-probe: compiler ' + (loaded ? 'loaded' : 'not loaded') + '\\n');
});
`;

describe('warm start', () => {
  const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/messages.ts': V1 });
  repo.commit();
  repo.tag('deployed');
  repo.write({ 'src/messages.ts': V2 });
  after(() => repo.dispose());
  const probe = path.join(repo.scratch, 'probe.cjs');
  fs.writeFileSync(probe, PROBE);
  const env = { NODE_OPTIONS: `--require ${probe}` };
  const compiler = (stderr: string) => /skew-probe: compiler (loaded|not loaded)/.exec(stderr)?.[1];

  it('loads the compiler only when a model has to be built', async () => {
    const cacheDir = path.join(repo.scratch, 'cache');
    const cold = await checkJson(repo.dir, cacheDir, [], env);
    assert.equal(compiler(cold.stderr), 'loaded', cold.stderr);
    assert.deepEqual(cold.report.findings.map((f) => f.rule), ['field-required-added']);

    const warm = await checkJson(repo.dir, cacheDir, [], env);
    assert.equal(compiler(warm.stderr), 'not loaded', warm.stderr);
    assert.deepEqual(warm.report, cold.report);

    repo.write({ 'src/messages.ts': V1 });
    const edited = await checkJson(repo.dir, cacheDir, [], env);
    assert.equal(compiler(edited.stderr), 'loaded', edited.stderr);
    assert.deepEqual(edited.report.findings, []);
  });
});
