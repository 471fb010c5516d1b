import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { AFTER_NOTE, LspClient, ORDER_V1, lspRepo, waitFor, suiteScratch } from './lsp-harness';

const REPO_ROOT = path.resolve(__dirname, '../..');
const BIN = 'bin/skew-language-server.js';
const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
// The bin loads the bundle; `npm test` builds it first, a bare `node --test` run may not have.
const built = fs.existsSync(path.join(REPO_ROOT, 'dist/server.js'));

/** What Neovim, Helix and Zed start: the package's `skew-language-server` bin with `--stdio`. */
describe('skew-language-server, the bin other editors start', { skip: built ? false : 'dist/server.js is not built (npm run build)' }, () => {
  const { cacheDir, cleanup } = suiteScratch();

  it('is the package.json bin, and says how to start it when no transport is given', () => {
    assert.equal(pkg.bin['skew-language-server'], BIN);
    const bare = spawnSync(process.execPath, [BIN], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000 });
    assert.equal(bare.status, 2);
    assert.match(bare.stderr, /^usage: skew-language-server --stdio/);
    const help = spawnSync(process.execPath, [BIN, '--help'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000 });
    assert.equal(help.status, 0);
    assert.match(help.stderr, /^usage: skew-language-server --stdio/);
  });

  it('over --stdio, publishes diagnostics to a client without pull diagnostics', async () => {
    const repo = lspRepo({ 'src/messages.ts': ORDER_V1 });
    repo.git('tag', 'v1.4.0');
    const saved = process.env.SKEW_LSP_SERVER;
    let client: LspClient;
    try {
      process.env.SKEW_LSP_SERVER = BIN;
      client = await LspClient.start({ folders: [repo.dir], cacheDir });
    } finally {
      if (saved === undefined) delete process.env.SKEW_LSP_SERVER;
      else process.env.SKEW_LSP_SERVER = saved;
    }
    cleanup.push(() => client.stop(), () => repo.dispose());

    assert.equal((client.capabilities as { diagnosticProvider?: unknown }).diagnosticProvider, undefined);
    const uri = await client.open(repo.path('src/messages.ts'));
    const version = await client.edit(uri, { start: AFTER_NOTE, end: AFTER_NOTE }, '\n  currency: string;');
    const published = await waitFor('published diagnostics', () => {
      const p = client.latest(uri);
      return p && p.version === version && p.diagnostics.length === 1 ? p : undefined;
    });
    assert.equal(published.diagnostics[0]!.code, 'field-required-added');
  });
});
