import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/fixes/text-edits';
import { LspClient, ORDER_V1, lspRepo, type TempRepo, waitFor } from './lsp-harness';

const PAYMENT_V1 = `/** @wire */
export interface Payment {
  id: string;
  amount: number;
}
`;

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

interface SnippetEdit { range: Diagnostic['range']; snippet: { value: string } }
type AnyEdit = TextDocumentEdit['edits'][number] | SnippetEdit;

/** What an editor does with a code action's edit: applies it to the text it shows (a snippet's cursor becomes typed text). */
function applyAction(text: string, action: CodeAction, typed = ''): string {
  const changes = action.edit?.documentChanges as TextDocumentEdit[] | undefined;
  assert.ok(changes && changes.length === 1, `one document edit, got ${JSON.stringify(action.edit)}`);
  const edits = (changes[0]!.edits as AnyEdit[]).map((e) => ({
    range: e.range,
    newText: 'snippet' in e ? e.snippet.value.replace('$0', typed) : (e as { newText: string }).newText,
  }));
  return applyEdits(text, edits);
}

describe('language server: code actions over stdio', () => {
  let repo: TempRepo;
  let client: LspClient;
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-lsp-cache-'));
  let orderUri: string;
  let paymentUri: string;
  let text = ORDER_V1;

  /** Replaces the whole order file and waits for diagnostics of that version with `count` findings. */
  async function setOrder(next: string, count: number): Promise<{ version: number; diagnostics: Diagnostic[] }> {
    text = next;
    const version = await client.edit(orderUri, WHOLE, next);
    const published = await waitFor(`${count} diagnostics for version ${version}`, () => {
      const p = client.latest(orderUri);
      return p && p.version === version && p.diagnostics.length === count ? p : undefined;
    });
    return { version, diagnostics: published.diagnostics };
  }

  const actionsFor = (uri: string, diagnostics: Diagnostic[], only?: string[]) =>
    client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]?.range ?? WHOLE,
      context: { diagnostics, ...(only ? { only } : {}) },
    });

  before(async () => {
    repo = lspRepo({ 'src/messages.ts': ORDER_V1, 'src/payment.ts': PAYMENT_V1 });
    repo.git('tag', 'v1.4.0');
    client = await LspClient.start({
      folders: [repo.dir],
      cacheDir,
      capabilities: {
        textDocument: { codeAction: { disabledSupport: true, isPreferredSupport: true } },
        workspace: { workspaceEdit: { documentChanges: true, snippetEditSupport: true } },
      },
    });
    await waitFor('first status', () => client.statuses.find((s) => s.state === 'ok'));
    orderUri = await client.open(repo.path('src/messages.ts'));
    paymentUri = await client.open(repo.path('src/payment.ts'));
  });

  after(async () => {
    await client?.stop();
    repo?.dispose();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('registers quick fixes and source.fixAll.skew', () => {
    const caps = client.capabilities as { codeActionProvider?: { codeActionKinds?: string[] } };
    assert.deepEqual(caps.codeActionProvider?.codeActionKinds, ['quickfix', 'source.fixAll.skew']);
  });

  it('offers a versioned quick fix that makes an added required field optional, and the finding goes away', async () => {
    const { version, diagnostics } = await setOrder(ORDER_V1.replace('  note?: string;\n', '  note?: string;\n  currency: string;\n'), 1);
    const actions = await actionsFor(orderUri, diagnostics);
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a) => a.title === 'Make `currency` optional so v1.4.0 senders stay valid');
    assert.ok(fix, `titles: ${titles.join(' | ')}`);
    assert.equal(fix.kind, 'quickfix');
    assert.deepEqual(fix.diagnostics, diagnostics);
    const change = fix.edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri: orderUri, version }, 'pinned to the version the diagnostics were computed for');
    assert.ok(titles.includes('Fix all Skew problems in this file'));

    const suppress = actions.find((a) => a.title.startsWith('Suppress `field-required-added` for `currency`'));
    assert.ok(suppress, `titles: ${titles.join(' | ')}`);
    const snippet = (suppress.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as unknown as SnippetEdit;
    assert.equal(snippet.snippet.value, '  // skew-ignore field-required-added: $0\n', 'the cursor lands where the reason goes');

    const fixed = applyAction(text, fix);
    assert.match(fixed, /  currency\?: string;\n/);
    await setOrder(fixed, 0);
  });

  it('a suppression with the reason typed at the cursor silences the finding', async () => {
    const { diagnostics } = await setOrder(ORDER_V1.replace('  amount: number;\n', '  amount: number;\n  region: string;\n'), 1);
    const actions = await actionsFor(orderUri, diagnostics);
    const suppress = actions.find((a) => a.title.startsWith('Suppress `field-required-added`'))!;
    await setOrder(applyAction(text, suppress, 'every sender already sets region'), 0);
    assert.match(text, /\n  \/\/ skew-ignore field-required-added: every sender already sets region\n  region: string;/);
  });

  it('source.fixAll.skew applies every safe fix in one versioned edit and never a suppression', async () => {
    const broken = ORDER_V1.replace('  note?: string;\n', '  note: string;\n  currency: string;\n  channel: string;\n');
    const { version, diagnostics } = await setOrder(broken, 3);
    const actions = await actionsFor(orderUri, [], ['source.fixAll.skew']);
    assert.equal(actions.length, 1);
    const [all] = actions;
    assert.equal(all!.kind, 'source.fixAll.skew');
    assert.equal(all!.title, 'Fix all Skew problems in this file');
    const changes = all!.edit!.documentChanges as TextDocumentEdit[];
    assert.equal(changes.length, 1, 'one document edit');
    assert.deepEqual(changes[0]!.textDocument, { uri: orderUri, version });
    assert.equal(changes[0]!.edits.length, diagnostics.length);
    const fixed = applyAction(text, all!);
    assert.doesNotMatch(fixed, /skew-ignore/);
    assert.match(fixed, /note\?: string;\n  currency\?: string;\n  channel\?: string;/);
    await setOrder(fixed, 0);
  });

  it('says why no widening helps when a type changed both ways', async () => {
    const version = await client.edit(paymentUri, { start: { line: 3, character: 10 }, end: { line: 3, character: 16 } }, 'string');
    const published = await waitFor('a type-changed diagnostic', () => {
      const p = client.latest(paymentUri);
      return p && p.version === version && p.diagnostics.length === 1 ? p : undefined;
    });
    const actions = await actionsFor(paymentUri, published.diagnostics);
    const widen = actions.find((a) => a.disabled);
    assert.ok(widen, `titles: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(widen.title, 'Widen the type of `amount`');
    assert.match(widen.disabled!.reason, /^No widening helps: v1\.4\.0 readers cannot read what this version writes/);
    assert.equal(widen.edit, undefined);
  });

  it('refuses fix-all when the document changed since the diagnostics were computed', async () => {
    await setOrder(ORDER_V1.replace('  note?: string;\n', '  note?: string;\n  currency: string;\n'), 1);
    const marks = client.logs.length;
    // Half-typed code does not parse: the server keeps the last diagnostics, now for an older version.
    await client.edit(orderUri, { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, '  broken: {{\n');
    await waitFor('the check to keep the old diagnostics', () => client.logs.slice(marks).some((l) => l.includes('keeping the last diagnostics')));
    const actions = await actionsFor(orderUri, [], ['source.fixAll.skew']);
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.edit, undefined);
    assert.match(actions[0]!.disabled!.reason, /changed since Skew checked it/);
    const quick = await actionsFor(orderUri, client.latest(orderUri)!.diagnostics);
    assert.deepEqual(quick, [], 'no quick fix against text that moved');
  });
});
