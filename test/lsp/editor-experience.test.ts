import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CodeLens, Diagnostic, Hover, MarkupContent, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { DidChangeConfigurationNotification } from 'vscode-languageserver-protocol/node';
import { TagDeployedRequest } from '../../server/src/shared/protocol';
import { LspClient, lspRepo, messageOf, ORDER_V1, type TempRepo, waitFor, suiteScratch } from './lsp-harness';

const SHARED = `export interface Item {
  sku: string;
  qty: number;
}

/** @wire */
export interface CartEvent {
  id: string;
  item: Item;
}

/** @wire */
export interface Receipt {
  total: number;
  note?: string;
  item: Item;
}

export enum Priority {
  Low,
  High,
  Urgent,
}

/** @wire */
export interface Ticket {
  priority: Priority;
}
`;
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
const firstSentence = (message: string) => message.split(/(?<=\.) /)[0]!;

describe('language server: quiet in folders without contracts, remedies for a missing baseline', () => {
  const { cacheDir, cleanup } = suiteScratch();

  it('says nothing at all in a TypeScript folder without a contract, even without git tags', async () => {
    const repo = lspRepo({ 'src/util.ts': 'export const add = (a: number, b: number) => a + b;\n' });
    const client = await LspClient.start({ folders: [repo.dir], cacheDir });
    cleanup.push(() => client.stop(), () => repo.dispose());
    await client.open(repo.path('src/util.ts'));
    const status = await waitFor('a status', () => client.statuses[0]);
    assert.equal(status.hasContracts, false);
    assert.equal(status.state, 'ok', 'no error for a folder Skew has nothing to check in');
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(client.messages, [], 'no popup');
    assert.equal(client.statuses.filter((s) => s.state === 'error').length, 0);
  });

  it('a folder whose first contract is typed into an open buffer starts being checked', async () => {
    const repo = lspRepo({ 'src/util.ts': 'export const add = 1;\n' });
    repo.git('tag', 'deployed');
    const client = await LspClient.start({ folders: [repo.dir], cacheDir });
    cleanup.push(() => client.stop(), () => repo.dispose());
    const uri = await client.open(repo.path('src/util.ts'));
    await waitFor('the quiet status', () => client.statuses.find((s) => s.hasContracts === false));
    await client.edit(uri, WHOLE, ORDER_V1);
    const ok = await waitFor('a status with contracts', () => client.statuses.find((s) => s.hasContracts === true && s.state === 'ok'));
    assert.match(ok.baseline ?? '', /^deployed \(/);
  });

  it('a missing baseline is a status with a problem the client offers buttons for; Tag HEAD as deployed fixes it', async () => {
    const repo = lspRepo({ 'src/messages.ts': ORDER_V1 });
    const client = await LspClient.start({ folders: [repo.dir], cacheDir, init: { baselineRemedies: true } });
    cleanup.push(() => client.stop(), () => repo.dispose());
    await client.open(repo.path('src/messages.ts'));
    const status = await waitFor('an error status', () => client.statuses.find((s) => s.state === 'error'));
    assert.equal(status.problem, 'no-baseline');
    assert.equal(status.hasContracts, true);
    assert.doesNotMatch(status.message, /--against/, 'no CLI flag in editor text');
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(client.messages, [], 'the client shows its own notification, so the server sends no popup');

    const answer = await client.connection.sendRequest(TagDeployedRequest.type, { folder: `file://${repo.dir}` });
    assert.deepEqual(answer, {});
    assert.equal(repo.git('tag').trim(), 'deployed');
    const ok = await waitFor('an ok status against the new tag', () => client.statuses.find((s) => s.state === 'ok'));
    assert.match(ok.baseline ?? '', /^deployed \([0-9a-f]{7}\)$/);

    const again = await client.connection.sendRequest(TagDeployedRequest.type, { folder: `file://${repo.dir}` });
    assert.match(again.message ?? '', /the tag `deployed` exists already/, 'an existing tag is never moved');
  });
});

describe('language server: one clear diagnostic per place', () => {
  let repo: TempRepo;
  let client: LspClient;
  let uri: string;
  let settings: Record<string, unknown> = {};
  const lensRefreshes: number[] = [];
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-lsp-cache-'));

  before(async () => {
    repo = lspRepo({ 'src/shared.ts': SHARED });
    repo.git('tag', 'v1.0.0');
    client = await LspClient.start({
      folders: [repo.dir],
      cacheDir,
      capabilities: {
        workspace: { codeLens: { refreshSupport: true } },
        textDocument: { codeAction: { disabledSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } },
      },
    });
    client.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
    client.connection.onRequest('workspace/codeLens/refresh', () => {
      lensRefreshes.push(client.published.length);
      return null;
    });
    uri = await client.open(repo.path('src/shared.ts'));
    await waitFor('the first status', () => client.statuses.find((s) => s.state === 'ok'));
  });

  after(async () => {
    await client?.stop();
    repo?.dispose();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  async function show(text: string, count: number): Promise<Diagnostic[]> {
    const version = await client.edit(uri, WHOLE, text);
    const p = await waitFor(`${count} diagnostics for version ${version}`, () => {
      const latest = client.latest(uri);
      return latest && latest.version === version && latest.diagnostics.length === count ? latest : undefined;
    });
    return p.diagnostics;
  }

  const actionsFor = (diagnostics: Diagnostic[]) =>
    client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]!.range,
      context: { diagnostics },
    });

  const hover = async (position: { line: number; character: number }) => {
    const h = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    return h ? (h.contents as MarkupContent).value : undefined;
  };

  const lenses = async () =>
    (await client.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } })).map((l) => [l.range.start.line, l.command?.title, l.command?.command]);

  it('a change to a type two contracts share is one diagnostic that names both, with its fixes once', async () => {
    const [d, ...rest] = await show(SHARED.replace('  qty: number;', '  qty: string;'), 1);
    assert.deepEqual(rest, []);
    assert.equal(d!.code, 'type-changed');
    assert.equal(d!.range.start.line, 2, 'on the changed field');
    assert.match(messageOf(d!), /CartEvent, Receipt/);
    assert.deepEqual((d!.data as { also?: unknown[] }).also, [{ contract: 'Receipt', path: 'Receipt.item.qty' }]);
    const actions = await actionsFor([d!]);
    const titles = actions.map((a) => a.title);
    assert.deepEqual(titles, [...new Set(titles)], `no fix twice: ${titles.join(' | ')}`);
    assert.equal(client.statuses.at(-1)?.breaking, 2, 'the count still counts the findings (the status is the report’s)');
  });

  it('the message is one plain line naming the version and what to do; the detail is Markdown in the hover', async () => {
    const [d] = await show(SHARED.replace('  total: number;\n', '  total: number;\n  currency: string;\n'), 1);
    const message = messageOf(d!);
    assert.equal(message, "This version can't read Receipt from v1.0.0 nodes: new required `currency`. Upgrade senders first. [old-to-new]");
    assert.ok(firstSentence(message).length < 90, `first sentence under 90 characters: ${firstSentence(message)}`);
    const detail = await hover(d!.range.start);
    assert.ok(detail);
    assert.match(detail, /\*\*field-required-added\*\* · old-to-new/);
    assert.match(detail, /Required field `currency` was added; values written by the baseline do not have it\./, 'code spans stay Markdown code');
    assert.match(detail, /- \*\*old-to-new\*\*: Receipt sent by a v1\.0\.0 node cannot be read by this version\./);
    assert.match(detail, /\[Rule documentation\]\(https:\/\/github\.com\/skew-dev\/skew\/blob\/main\/docs\/rules\/field-required-added\.md\)/);
  });

  it('inserting a member into an implicitly numbered enum is one diagnostic on the insertion, naming the shifted members', async () => {
    const diagnostics = await show(SHARED.replace('  Low,\n', '  Low,\n  Medium,\n'), 1);
    const d = diagnostics[0]!;
    assert.equal(d.code, 'enum-value-changed');
    assert.equal(d.range.start.line, 20, 'on `Medium`, the inserted member');
    assert.match(messageOf(d), /v1\.0\.0 nodes read `High`, `Urgent` as other members: inserting `Medium` renumbered them\./);
    assert.deepEqual(
      d.relatedInformation?.map((r) => [r.location.range.start.line, r.message]),
      [
        [21, 'Enum member `High` changed value from 1 to 2 (implicit numbering shifted it)'],
        [22, 'Enum member `Urgent` changed value from 2 to 3 (implicit numbering shifted it)'],
      ],
    );
    const actions = await actionsFor([d]);
    assert.ok(actions.some((a) => a.title.startsWith("Pin every member of `Priority`")), actions.map((a) => a.title).join(' | '));
  });

  it('a fix that does not clear its finding says it is step 1 of a plan, and the finding then becomes that plan’s information', async () => {
    const removed = SHARED.replace('  total: number;\n', '');
    const [d] = await show(removed, 1);
    assert.equal(d!.code, 'field-removed');
    const actions = await actionsFor([d!]);
    const restore = actions.find((a) => a.title.startsWith('Step 1 of 2 (expand): Restore `total`'));
    assert.ok(restore, actions.map((a) => a.title).join(' | '));
    const edit = (restore.edit!.changes?.[uri]?.[0] ?? (restore.edit!.documentChanges![0] as TextDocumentEdit).edits[0]) as TextEdit;
    const lines = removed.split('\n');
    const offset = lines.slice(0, edit.range.start.line).join('\n').length + (edit.range.start.line > 0 ? 1 : 0) + edit.range.start.character;
    const endOffset = lines.slice(0, edit.range.end.line).join('\n').length + (edit.range.end.line > 0 ? 1 : 0) + edit.range.end.character;
    const fixed = removed.slice(0, offset) + edit.newText + removed.slice(endOffset);
    const [after] = await show(fixed, 1);
    assert.equal(after!.code, 'field-made-optional');
    assert.equal(after!.severity, 3, 'information: the plan’s second step, not an error');
    assert.match(messageOf(after!), /^Expand\/contract step 1 is in place: keep writing `total` while v1\.0\.0 nodes run/);
  });

  it('a change that breaks both ways offers the rollout plan', async () => {
    const [d] = await show(SHARED.replace('  id: string;', '  id: number;'), 1);
    assert.deepEqual(d!.data && (d!.data as { breaks: string[] }).breaks, ['old-to-new', 'new-to-old']);
    const actions = await actionsFor([d!]);
    const plan = actions.find((a) => a.title === 'Show the rollout plan for this change');
    assert.ok(plan, actions.map((a) => a.title).join(' | '));
    assert.equal(plan.command?.command, 'skew.showRolloutPlan');
    assert.deepEqual(plan.command?.arguments, [{ uri, contract: 'CartEvent', path: 'CartEvent.id', rule: 'type-changed' }]);
    const widen = actions.find((a) => a.disabled);
    assert.match(widen?.disabled?.reason ?? '', /^No widening helps/);
  });

  it('hovering a type that contracts reach says which ones', async () => {
    const value = await hover({ line: 0, character: 18 });
    assert.match(value ?? '', /^`Item` travels on the wire inside \*\*CartEvent\*\*, \*\*Receipt\*\*: Skew checks its changes against v1\.0\.0 \(newest tag; no deployed tag\)\.$/);
  });

  it('lenses only where something breaks (a setting shows all), refreshed with the diagnostics, peeking the findings', async () => {
    const mark = client.published.length;
    await show(SHARED.replace('  id: string;', '  id: number;'), 1);
    assert.ok(lensRefreshes.some((at) => at >= mark), 'a code lens refresh was asked for with the new diagnostics');
    const shown = await client.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(shown.map((l) => [l.range.start.line, l.command?.title]), [[6, '1 breaking change']]);
    const [, position, locations] = shown[0]!.command!.arguments as [string, unknown, { uri: string; range: { start: { line: number } } }[]];
    assert.deepEqual(position, { line: 6, character: 17 });
    assert.deepEqual(locations.map((l) => [l.uri, l.range.start.line]), [[uri, 7]], 'the finding’s place, to peek');

    settings = { codeLens: 'all' };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { skew: settings } });
    let every: unknown[] = [];
    for (let i = 0; i < 100 && every.length !== 3; i++) {
      every = await lenses();
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.deepEqual(every, [
      [6, '1 breaking change', 'skew.peekFindings'],
      [12, 'compatible with v1.0.0 (newest tag; no deployed tag)', ''],
      [25, 'compatible with v1.0.0 (newest tag; no deployed tag)', ''],
    ]);
    settings = {};
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { skew: settings } });
  });

  it('squiggles the added variant and the changed type, not the member that holds them', async () => {
    const diagnostics = await show(SHARED.replace('  id: string;', '  id: string | number;').replace('  total: number;', '  total: string;'), 2);
    const at = (code: string) => diagnostics.find((d) => d.code === code)?.range;
    const span = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
    assert.deepEqual(at('union-variant-added'), span(7, 15, 21), '`number`, the added variant of `id`');
    assert.deepEqual(at('type-changed'), span(13, 9, 15), '`string`, the new type of `total`');
  });

  it('while the file does not parse (an unclosed /**), the last good results stay', async () => {
    const [d] = await show(SHARED.replace('  id: string;', '  id: number;'), 1);
    const marks = client.logs.length;
    // Typed above Item: the comment runs to the end of CartEvent's JSDoc, so Item and CartEvent's tag vanish.
    await client.edit(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '/**\n');
    await waitFor('the check to keep the old diagnostics', () => client.logs.slice(marks).some((l) => l.includes('keeping the last diagnostics while a comment is left open')));
    await new Promise((r) => setTimeout(r, 300));
    const latest = client.latest(uri)!;
    assert.deepEqual(latest.diagnostics.map((x) => x.code), [d!.code], 'no "CartEvent was removed"');
  });
});
