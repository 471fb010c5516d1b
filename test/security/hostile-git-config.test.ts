import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { CodeAction, CodeLens, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { CatFile } from '../../server/src/baseline/cat-file';
import { readBlobSync } from '../../server/src/baseline/git';
import { BaselineContentRequest, ListRefsRequest, ReportRequest } from '../../server/src/shared/protocol';
import { runCli } from '../cli/run-cli';
import { TempRepo, TSCONFIG } from '../cli/temp-repo';
import { fileUri, LspClient, waitFor } from '../lsp/lsp-harness';

const V1 = '/** @wire */\nexport interface OrderCreated {\n  id: string;\n  note?: string;\n}\n';
/** `note` made required and a required `currency`: two findings, two fixes (one restores baseline text). */
const V2 = '/** @wire */\nexport interface OrderCreated {\n  id: string;\n  note: string;\n  currency: string;\n}\n';

/** Every config key that makes git run a program, each naming its own tripwire script. */
const MAIN_KEYS: Record<string, string> = {
  'core.fsmonitor': 'core.fsmonitor',
  'gpg.program': 'gpg.program',
  'gpg.openpgp.program': 'gpg.openpgp.program',
  'diff.external': 'diff.external',
  'diff.evil.textconv': 'diff.evil.textconv',
  'diff.evil.command': 'diff.evil.command',
  'filter.evil.clean': 'filter.evil.clean',
  'filter.evil.smudge': 'filter.evil.smudge',
  'core.pager': 'core.pager',
  'pager.show': 'pager.show',
  'pager.log': 'pager.log',
  'pager.tag': 'pager.tag',
  'pager.status': 'pager.status',
  'core.sshCommand': 'core.sshCommand',
  'core.gitProxy': 'core.gitProxy',
  'credential.helper': 'credential.helper',
  'core.askPass': 'core.askPass',
};
/** The same kind of keys, reached only through an `includeIf` and an `include.path`. */
const INCLUDED_KEYS: Record<string, string> = {
  'filter.inc.process': 'filter.inc.process',
  'filter.inc.clean': 'filter.inc.clean',
  'gpg.x509.program': 'gpg.x509.program',
  'gpg.ssh.program': 'gpg.ssh.program',
  'core.editor': 'core.editor',
  'sequence.editor': 'sequence.editor',
  'uploadpack.packObjectsHook': 'uploadpack.packObjectsHook',
  'core.alternateRefsCommand': 'core.alternateRefsCommand',
  'pager.for-each-ref': 'pager.for-each-ref',
  'pager.cat-file': 'pager.cat-file',
  'pager.ls-files': 'pager.ls-files',
  'remote.origin.uploadpack': 'remote.origin.uploadpack',
  'remote.origin.receivepack': 'remote.origin.receivepack',
};
const HOOKS = ['post-index-change', 'reference-transaction', 'post-checkout', 'pre-commit', 'post-commit', 'pre-auto-gc', 'fsmonitor-watchman', 'post-rewrite'];

describe('a repository whose config names a program for every key that runs one: Skew runs none', () => {
  let repo: TempRepo;
  let log: string;

  const tripped = (): string => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '');

  before(() => {
    repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/a.ts': V1 });
    repo.commit('v1');
    // A commit with a `gpgsig` header: showing it with log.showSignature runs gpg.program.
    const raw = repo.git('cat-file', 'commit', 'HEAD');
    const signed = raw.replace(
      /^(committer .*\n)/m,
      '$1gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEEc2tldyB0cmlwd2lyZSBzaWduYXR1cmUK\n -----END PGP SIGNATURE-----\n',
    );
    const sha = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], { cwd: repo.dir, input: signed, encoding: 'utf8' }).trim();
    repo.git('update-ref', 'refs/heads/main', sha);
    repo.tag('deployed', sha);
    repo.git('remote', 'add', 'origin', path.join(repo.scratch, 'nowhere.git'));
    repo.write({ '.gitattributes': '*.ts filter=evil diff=evil\n*.json filter=inc diff=evil\n', 'src/a.ts': V2 });

    log = path.join(repo.scratch, 'tripwire.log');
    const bin = path.join(repo.scratch, 'bin');
    const hooks = path.join(repo.scratch, 'hooks');
    fs.mkdirSync(bin);
    fs.mkdirSync(hooks);
    const script = (dir: string, name: string): string => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, `#!/bin/sh\necho '${name}' >> '${log}'\ncat\n`, { mode: 0o755 });
      return file;
    };
    const section = (keys: Record<string, string>): string =>
      Object.entries(keys)
        .map(([key, name]) => {
          const dot = key.lastIndexOf('.');
          const [sect, ...sub] = key.slice(0, dot).split('.');
          const header = sub.length ? `[${sect} "${sub.join('.')}"]` : `[${sect}]`;
          return `${header}\n\t${key.slice(dot + 1)} = ${script(bin, name)}\n`;
        })
        .join('');
    for (const hook of HOOKS) {
      script(hooks, hook);
      fs.copyFileSync(path.join(hooks, hook), path.join(repo.dir, '.git/hooks', hook));
    }
    const included = path.join(repo.scratch, 'included.config');
    const half = Math.ceil(Object.keys(INCLUDED_KEYS).length / 2);
    const entries = Object.entries(INCLUDED_KEYS);
    fs.writeFileSync(included, section(Object.fromEntries(entries.slice(0, half))));
    fs.writeFileSync(`${included}.2`, section(Object.fromEntries(entries.slice(half))));
    // Written as text: from here on, any git run in the repository (ours included) would trip the wires.
    fs.appendFileSync(
      path.join(repo.dir, '.git/config'),
      section(MAIN_KEYS) +
        `[core]\n\thooksPath = ${hooks}\n[log]\n\tshowSignature = true\n[filter "evil"]\n\trequired = true\n[filter "inc"]\n\trequired = true\n` +
        `[includeIf "gitdir:${repo.dir}/"]\n\tpath = ${included}\n[include]\n\tpath = ${included}.2\n`,
    );
    // Touched but unchanged: `git status` would hash it, through the filter.
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(repo.dir, 'tsconfig.json'), later, later);
  });

  // Each test starts with an empty log, so a failure names what that run started.
  beforeEach(() => fs.rmSync(log, { force: true }));
  after(() => repo?.dispose());

  for (const format of ['text', 'json', 'markdown', 'sarif', 'github']) {
    it(`skew check --format ${format}`, async () => {
      const run = await runCli(['check', '--format', format], { cwd: repo.dir, env: { SKEW_CACHE_DIR: repo.cacheDir } });
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stdout, /currency/);
      assert.match(run.stdout, /note/);
      assert.equal(tripped(), '');
    });
  }

  it('the language server: diagnostics, hover, code lens, code actions, report, baseline content, refs', async () => {
    const client = await LspClient.start({
      folders: [repo.dir],
      cacheDir: repo.cacheDir,
      capabilities: { textDocument: { codeAction: { disabledSupport: true, isPreferredSupport: true } } },
    });
    try {
      const uri = await client.open(path.join(repo.dir, 'src/a.ts'));
      const published = await waitFor('two diagnostics', () => {
        const p = client.latest(uri);
        return p && p.diagnostics.length === 2 ? p : undefined;
      });
      const diagnostics: Diagnostic[] = published.diagnostics;
      assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['field-made-required', 'field-required-added']);
      const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 20 } });
      assert.ok(hover, 'a hover over the contract');
      const lenses = await client.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
      assert.equal(lenses.length, 1);
      const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostics[0]!.range,
        context: { diagnostics },
      });
      assert.ok(actions.length > 0, 'quick fixes');
      const answer = await client.connection.sendRequest(ReportRequest.type, { uri });
      assert.equal(answer.report?.contracts.flatMap((c) => c.findings).length, 2);
      assert.equal(answer.report?.workingTree.uncommitted, 2, '.gitattributes and src/a.ts');
      const related = diagnostics.flatMap((d) => d.relatedInformation ?? [])[0];
      assert.ok(related, 'related information points at the baseline');
      const content = await client.connection.sendRequest(BaselineContentRequest.type, { uri: related.location.uri });
      assert.equal(content.text, V1);
      const refs = await client.connection.sendRequest(ListRefsRequest.type, { folder: fileUri(repo.dir) });
      assert.ok(refs.refs.some((r) => r.name === 'deployed'));
      assert.equal(tripped(), '');
    } finally {
      await client.stop();
    }
  });

  it('the language server in Restricted Mode: nothing runs either, and the workspace skew.baseline setting is ignored', async () => {
    const client = await LspClient.start({ folders: [repo.dir], cacheDir: repo.cacheDir, trusted: false, settings: { baseline: 'no-such-ref' } });
    try {
      const uri = await client.open(path.join(repo.dir, 'src/a.ts'));
      // Checked against the tag `deployed`: the setting would have named a ref that does not exist.
      const published = await waitFor('two diagnostics', () => {
        const p = client.latest(uri);
        return p && p.diagnostics.length === 2 ? p : undefined;
      });
      assert.deepEqual(published.diagnostics.map((d) => d.code).sort(), ['field-made-required', 'field-required-added']);
      const answer = await client.connection.sendRequest(ReportRequest.type, { uri });
      assert.equal(answer.report?.contracts.flatMap((c) => c.findings).length, 2);
      assert.equal(tripped(), '');
    } finally {
      await client.stop();
    }
  });

  it('skew check --fix', async () => {
    const run = await runCli(['check', '--fix'], { cwd: repo.dir, env: { SKEW_CACHE_DIR: repo.cacheDir } });
    assert.match(run.stdout + run.stderr, /fixed src\/a\.ts: Make currency optional/);
    assert.match(run.stdout + run.stderr, /fixed src\/a\.ts: Keep note optional/);
    assert.equal(repo.read('src/a.ts'), V1.replace('  note?: string;\n', '  note?: string;\n  currency?: string;\n'));
    assert.equal(tripped(), '');
  });

  it('the wires are live: git itself, asked the usual way, runs them', () => {
    const env = { ...process.env, LC_ALL: 'C' };
    const tryGit = (...args: string[]): void => {
      try {
        execFileSync('git', args, { cwd: repo.dir, env, stdio: 'ignore' });
      } catch {
        // A failing filter or gpg fails the command; what matters is that it ran.
      }
    };
    tryGit('status', '--porcelain');
    tryGit('show', '-s', '--format=%cI', 'deployed');
    tryGit('diff', 'HEAD');
    const ran = tripped();
    for (const name of ['core.fsmonitor', 'filter.evil.clean', 'filter.inc.process']) assert.match(ran, new RegExp(`^${name.replace(/\./g, '\\.')}$`, 'm'));
    assert.match(ran, /^gpg\.(openpgp\.)?program$/m);
  });
});

describe('a partial clone: a missing object is not fetched, so no transport program runs', () => {
  it('cat-file (one-off, and batch by blob and by commit:path as baseline documents are read) leaves the promisor remote alone', async () => {
    const origin = TempRepo.create({ 'f.ts': 'one\n' });
    try {
      const old = origin.commit('one');
      origin.write({ 'f.ts': 'two\n' });
      origin.commit('two');
      origin.git('config', 'uploadpack.allowFilter', 'true');
      const clone = path.join(origin.scratch, 'clone');
      origin.git('clone', '-q', '--filter=blob:none', `file://${origin.dir}`, clone);
      const log = path.join(origin.scratch, 'tripwire.log');
      const uploadPack = path.join(origin.scratch, 'upload-pack.sh');
      // A local remote's upload-pack runs through a shell: the lazy fetch would run this.
      fs.writeFileSync(uploadPack, `#!/bin/sh\necho remote.origin.uploadpack >> '${log}'\nexec git-upload-pack "$@"\n`, { mode: 0o755 });
      execFileSync('git', ['config', 'remote.origin.uploadpack', uploadPack], { cwd: clone });
      const blob = execFileSync('git', ['rev-parse', `${old}:f.ts`], { cwd: clone, encoding: 'utf8' }).trim();

      // Not "the file did not exist": a missing object is an error that says what to do.
      const lacks = /this partial clone .* lacks objects Skew needs, and Skew downloads nothing/;
      assert.throws(() => readBlobSync(clone, blob), lacks);
      const batch = new CatFile(clone);
      try {
        await assert.rejects(batch.read(blob), lacks);
        // What ProjectSession.readFileAt asks for the baseline content request, code actions and --fix.
        await assert.rejects(batch.readAt(old, 'f.ts'), lacks);
      } finally {
        batch.dispose();
      }
      assert.equal(fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '', '');
      // The wire is live: plain git fetches the blob through it.
      assert.equal(execFileSync('git', ['cat-file', 'blob', blob], { cwd: clone, encoding: 'utf8' }), 'one\n');
      assert.equal(fs.readFileSync(log, 'utf8'), 'remote.origin.uploadpack\n');
    } finally {
      origin.dispose();
    }
  });
});
