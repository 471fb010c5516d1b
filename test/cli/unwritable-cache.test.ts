// The caches only ever cost speed: a cache folder that cannot be created or written must not change a result.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { checkJson } from './run-cli';
import { TempRepo, TSCONFIG } from './temp-repo';

describe('a cache folder that cannot be written', () => {
  const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/messages.ts': '/** @wire */\nexport interface Ping {\n  at: number;\n}\n' });
  repo.commit();
  repo.tag('deployed');
  repo.write({ 'src/messages.ts': '/** @wire */\nexport interface Ping {\n  at: string;\n}\n' });
  after(() => repo.dispose());

  it('checks as usual, every time, when the cache path is a file', async () => {
    const notAFolder = path.join(repo.scratch, 'cache-is-a-file');
    fs.writeFileSync(notAFolder, 'not a folder');
    for (let run = 0; run < 2; run++) {
      const { code, report, stderr } = await checkJson(repo.dir, notAFolder);
      assert.equal(code, 1, stderr);
      assert.deepEqual(report.findings.map((f) => `${f.rule} ${f.path}`), ['type-changed Ping.at']);
      assert.doesNotMatch(stderr, /unexpected error/);
    }
    assert.equal(fs.readFileSync(notAFolder, 'utf8'), 'not a folder');
  });
});
