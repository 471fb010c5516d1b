import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { AFTER_NOTE, fileUri, LspClient, ORDER_V1, ORDER_V2, lspRepo, waitFor, suiteScratch } from './lsp-harness';

/** Failures of the server itself, as opposed to problems it explains to the user. */
const CRASH = /unexpected|uncaught|unhandled|failed unexpectedly/i;

/**
 * A problem that is not a finding must reach the user as one status (and one popup) that says what to do, must
 * not repeat on every keystroke, and must leave the server running.
 */
async function assertShownOnce(client: LspClient, uri: string, pattern: RegExp): Promise<void> {
  const status = await waitFor('an error status', () => client.statuses.find((s) => s.state === 'error'));
  assert.match(status.message, pattern);
  for (let i = 0; i < 5; i++) await client.edit(uri, { start: AFTER_NOTE, end: AFTER_NOTE }, ' ');
  await waitFor('the popup', () => client.messages.length > 0);
  // Give the debounced checks of the edits time to run (and to repeat themselves, if they wrongly would).
  await new Promise((r) => setTimeout(r, 500));
  const errors = client.statuses.filter((s) => s.state === 'error');
  assert.equal(errors.length, 1, `one status, not one per keystroke: ${JSON.stringify(errors)}`);
  assert.deepEqual(client.messages, [status.message], 'one popup with the same text');
  assert.equal(client.published.filter((p) => p.diagnostics.length > 0).length, 0, 'no diagnostics for a problem that is not a finding');
  assert.deepEqual(client.logs.filter((l) => CRASH.test(l)), []);
  assert.ok(client.alive);
}

describe('language server: problems that are not findings are one status that says what to do', () => {
  const { cacheDir, cleanup } = suiteScratch();

  it('git is not installed', async () => {
    const repo = lspRepo({ 'src/messages.ts': ORDER_V1 });
    repo.git('tag', 'deployed');
    cleanup.push(() => repo.dispose());
    // The server is started by absolute path to node, so an empty PATH hides only git from it.
    const emptyBin = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-no-git-'));
    cleanup.push(() => fs.rmSync(emptyBin, { recursive: true, force: true }));
    const savedPath = process.env.PATH;
    let client: LspClient;
    try {
      process.env.PATH = emptyBin;
      client = await LspClient.start({ folders: [repo.dir], cacheDir });
    } finally {
      process.env.PATH = savedPath;
    }
    cleanup.push(() => client.stop());

    const uri = await client.open(repo.path('src/messages.ts'));
    await assertShownOnce(client, uri, /git was not found on PATH: install git/);
  });

  it('a repository without any tag', async () => {
    const repo = lspRepo({ 'src/messages.ts': ORDER_V1 });
    const client = await LspClient.start({ folders: [repo.dir], cacheDir });
    cleanup.push(() => client.stop(), () => repo.dispose());
    const uri = await client.open(repo.path('src/messages.ts'));
    await assertShownOnce(client, uri, /no baseline to compare against.*tag the deployed commit \(git tag deployed <commit>\).*skew\.baseline setting.*git fetch --tags/);
    assert.doesNotMatch(client.messages.join('\n'), /--against/, 'no CLI flag in editor text');
  });

  it('a shallow clone without the baseline: says to fetch tags and unshallow, then recovers when that is done', async () => {
    const origin = lspRepo({ 'src/messages.ts': ORDER_V1 });
    origin.git('tag', 'deployed');
    origin.writeFile('src/messages.ts', ORDER_V2);
    origin.commit('add currency');
    cleanup.push(() => origin.dispose());
    const clone = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'skew-lsp-shallow-')));
    cleanup.push(() => fs.rmSync(clone, { recursive: true, force: true }));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: clone, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' }, stdio: 'pipe' });
    // --depth 1 fetches only the newest commit, so the tag on the older one does not come along: a CI checkout.
    git('clone', '-q', '--depth', '1', fileUri(origin.dir), '.');
    assert.equal(git('rev-parse', '--is-shallow-repository').trim(), 'true');
    assert.equal(git('tag').trim(), '');

    const client = await LspClient.start({ folders: [clone], cacheDir });
    cleanup.push(() => client.stop());
    const uri = await client.open(path.join(clone, 'src/messages.ts'));
    await assertShownOnce(client, uri, /no baseline to compare against.*shallow clone.*git fetch --tags --unshallow/);

    git('fetch', '-q', '--unshallow', '--tags');
    await client.watched([{ uri: fileUri(path.join(clone, '.git/refs/tags/deployed')), type: FileChangeType.Created }]);
    const ok = await waitFor('an ok status once the tag is there', () => client.statuses.find((s) => s.state === 'ok'));
    assert.match(ok.baseline ?? '', /^deployed \(/);
    await waitFor('the finding against the fetched baseline', () => client.latest(uri)?.diagnostics.length === 1);
  });

  it('a shallow clone and a baseline setting naming a commit it does not have', async () => {
    const origin = lspRepo({ 'src/messages.ts': ORDER_V1 });
    const old = origin.git('rev-parse', 'HEAD').trim();
    origin.writeFile('src/messages.ts', ORDER_V2);
    origin.commit('add currency');
    cleanup.push(() => origin.dispose());
    const clone = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'skew-lsp-shallow-')));
    cleanup.push(() => fs.rmSync(clone, { recursive: true, force: true }));
    execFileSync('git', ['clone', '-q', '--depth', '1', fileUri(origin.dir), '.'], { cwd: clone, stdio: 'pipe' });

    const client = await LspClient.start({ folders: [clone], cacheDir, settings: { baseline: old } });
    cleanup.push(() => client.stop());
    const uri = await client.open(path.join(clone, 'src/messages.ts'));
    await assertShownOnce(client, uri, new RegExp(`\`${old}\`.*not found.*git fetch --tags.*shallow clone.*git fetch --unshallow`));
  });

  it('an untrusted workspace says, in every status, that the baseline setting is ignored, and never pops up', async () => {
    const repo = lspRepo({ 'src/messages.ts': ORDER_V1 });
    repo.git('tag', 'deployed');
    const client = await LspClient.start({ folders: [repo.dir], cacheDir, trusted: false, settings: { baseline: 'no-such-ref' } });
    cleanup.push(() => client.stop(), () => repo.dispose());

    const uri = await client.open(repo.path('src/messages.ts'));
    await waitFor('a first status', () => client.statuses[0]);
    await client.edit(uri, { start: AFTER_NOTE, end: AFTER_NOTE }, '\n  currency: string;');
    await waitFor('the finding', () => client.latest(uri)?.diagnostics.length === 1);
    await waitFor('a status with the finding', () => client.statuses.find((s) => s.breaking === 1));
    assert.ok(client.statuses.length >= 2);
    for (const s of client.statuses) {
      assert.equal(s.state, 'ok');
      assert.match(s.message, /Restricted Mode: the skew\.baseline setting is ignored until you trust this workspace/);
    }
    assert.deepEqual(client.messages, [], 'a status, not a popup: nothing is wrong');
    assert.ok(client.alive);
  });
});
