/**
 * An editor user never typed `--against`: when the ref came from the skew.baseline setting, the errors must
 * name the setting (and on the command line, the flag).
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeHow, resolveBaseline } from '../../server/src/baseline/resolve-baseline';
import { openProjectSession } from '../../server/src/lsp/session-port';
import { ProjectSession } from '../../server/src/project/session';
import { assertOneLineError, runCli } from '../cli/run-cli';
import { TempRepo, TSCONFIG } from '../cli/temp-repo';

describe('security: baseline errors name where the ref came from', () => {
  it('the editor setting in the editor, --against on the command line', async () => {
    const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/m.ts': '/** @wire */\nexport interface M { id: string }\n' });
    try {
      repo.git('add', '-A');
      repo.commit('initial');
      await assert.rejects(resolveBaseline(repo.dir, { against: 'no-such-tag', againstFrom: 'setting' }), (e: Error) => {
        assert.match(e.message, /the skew\.baseline setting/);
        assert.doesNotMatch(e.message, /--against/);
        return true;
      });
      await assert.rejects(ProjectSession.open({ cwd: repo.dir, against: 'no-such-tag', againstFrom: 'setting', cacheDir: `${repo.scratch}/cache` }), (e: Error) => {
        assert.match(e.message, /the skew\.baseline setting/);
        assert.doesNotMatch(e.message, /--against/);
        return true;
      });
      // The language server opens its sessions with the setting's ref.
      await assert.rejects(openProjectSession({ cwd: repo.dir, against: 'no-such-tag', log: () => undefined }), /\(the skew\.baseline setting\) was not found/);
      assert.equal(describeHow('setting'), 'from the skew.baseline setting');

      const cli = await runCli(['check', '--against', 'no-such-tag'], { cwd: repo.dir, env: { SKEW_CACHE_DIR: `${repo.scratch}/cache` } });
      assert.match(assertOneLineError(cli), /\(--against\) was not found/);
    } finally {
      repo.dispose();
    }
  });
});
