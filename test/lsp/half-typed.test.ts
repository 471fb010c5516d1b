import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DidCloseTextDocumentNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { fileUri, LspClient, lspRepo, type TempRepo, waitFor, type Published } from './lsp-harness';

const MONEY = `export type Currency = 'USD' | 'EUR';\n`;
const ORDER = `import type { Currency } from './money';

/** @wire */
export interface OrderCreated {
  id: string;
  currency: Currency;
}
`;
/** ORDER with a required field added in the buffer: one finding that must survive everything below. */
const ORDER_AMOUNT = ORDER.replace('  id: string;\n', '  id: string;\n  amount: number;\n');
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
/** The position after `id: string;`, where a field can be typed. */
const AFTER_ID = { line: 4, character: 13 };
/** The module specifier `'./money'` on the first line. */
const SPECIFIER = { start: { line: 0, character: 30 }, end: { line: 0, character: 39 } };
const at = (p: { line: number; character: number }) => ({ start: p, end: p });

/** Failures of the server itself, as opposed to problems it explains to the user. */
const CRASH = /unexpected|uncaught|unhandled|failed unexpectedly/i;

/**
 * Half-typed code must give no diagnostics or the last good ones. An import that does not resolve reads as `any`,
 * which must not show up as a breaking change nobody made (e.g. "`unknown` is a new possible value").
 */
describe('language server: missing imports and files deleted mid-edit', () => {
  let repo: TempRepo;
  let client: LspClient;
  let orderUri: string;
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-lsp-cache-'));

  before(async () => {
    repo = lspRepo({ 'src/money.ts': MONEY, 'src/order.ts': ORDER });
    repo.git('tag', 'v1.4.0');
    client = await LspClient.start({ folders: [repo.dir], cacheDir });
    orderUri = await client.open(repo.path('src/order.ts'));
    await waitFor('first status', () => client.statuses.find((s) => s.state === 'ok'));
  });

  after(async () => {
    await client?.stop();
    repo?.dispose();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  /** What the server published for exactly this version of the order file. */
  const publishedFor = (version: number): Promise<Published> =>
    waitFor(`diagnostics for version ${version}`, () => {
      const p = client.latest(orderUri);
      return p && p.version === version ? p : undefined;
    });

  /** Waits until a check has seen the unresolved import (the server logs that it keeps the last diagnostics). */
  const keptWhileUnresolved = (logsBefore: number, specifier: string): Promise<unknown> =>
    waitFor(`a check that sees ${specifier} unresolved`, () =>
      client.logs.slice(logsBefore).some((l) => l.includes('keeping the last diagnostics') && l.includes(specifier)),
    );

  const codes = (p: Published | undefined) => (p?.diagnostics ?? []).map((d) => d.code);

  /** Each test starts from the imported file on disk and ORDER_AMOUNT in the buffer, checked. */
  async function reset(): Promise<Published> {
    repo.writeFile('src/money.ts', MONEY);
    await client.watched([{ uri: fileUri(repo.path('src/money.ts')), type: FileChangeType.Created }]);
    const good = await publishedFor(await client.edit(orderUri, WHOLE, ORDER_AMOUNT));
    assert.deepEqual(codes(good), ['field-required-added']);
    return good;
  }

  function assertNoCrash(): void {
    assert.deepEqual(client.logs.filter((l) => CRASH.test(l)), []);
    assert.deepEqual(client.messages, [], 'no popup');
    assert.ok(client.statuses.every((s) => s.state === 'ok'), JSON.stringify(client.statuses));
    assert.ok(client.alive);
  }

  it('keeps the last good diagnostics while an import is being typed', async () => {
    const good = await reset();

    const logsBefore = client.logs.length;
    await client.edit(orderUri, SPECIFIER, "'./mo'");
    await keptWhileUnresolved(logsBefore, "'./mo'");
    assert.equal(client.latest(orderUri), good, 'nothing new published: no `any` finding, no cleared diagnostics');

    const fixed = await publishedFor(await client.edit(orderUri, { start: SPECIFIER.start, end: { line: 0, character: 36 } }, "'./money'"));
    assert.deepEqual(codes(fixed), ['field-required-added']);
    assertNoCrash();
  });

  it('keeps them while an imported file is deleted on disk, and checks again when it is back', async () => {
    const good = await reset();
    const logsBefore = client.logs.length;
    fs.rmSync(repo.path('src/money.ts'));
    await client.watched([{ uri: fileUri(repo.path('src/money.ts')), type: FileChangeType.Deleted }]);
    await client.edit(orderUri, at(AFTER_ID), ' ');
    await keptWhileUnresolved(logsBefore, "'./money'");
    assert.equal(client.latest(orderUri), good);

    repo.writeFile('src/money.ts', MONEY);
    await client.watched([{ uri: fileUri(repo.path('src/money.ts')), type: FileChangeType.Created }]);
    const back = await publishedFor(await client.edit(orderUri, at(AFTER_ID), ' '));
    assert.deepEqual(codes(back), ['field-required-added']);
    assertNoCrash();
  });

  it('survives files vanishing and coming back between and during checks', async () => {
    await reset();
    let last = 0;
    for (let i = 0; i < 16; i++) {
      const gone = i % 2 === 0;
      if (gone) fs.rmSync(repo.path('src/money.ts'), { force: true });
      else repo.writeFile('src/money.ts', MONEY);
      await client.watched([{ uri: fileUri(repo.path('src/money.ts')), type: gone ? FileChangeType.Deleted : FileChangeType.Created }]);
      last = await client.edit(orderUri, at(AFTER_ID), ' ');
      await new Promise((r) => setTimeout(r, 5 + (i % 4) * 15));
    }
    // The loop ends with the file present, so the last version is checked normally.
    const final = await publishedFor(last);
    assert.deepEqual(codes(final), ['field-required-added']);
    assertNoCrash();
  });

  it('a contract file deleted while open, then closed: the contract is reported removed, the file has nothing left', async () => {
    await reset();
    fs.rmSync(repo.path('src/order.ts'));
    await client.watched([{ uri: fileUri(repo.path('src/order.ts')), type: FileChangeType.Deleted }]);
    // Still open: the buffer is the working tree, so the finding stays where it was.
    const v = await client.edit(orderUri, at(AFTER_ID), ' ');
    assert.deepEqual(codes(await publishedFor(v)), ['field-required-added']);

    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: orderUri } });
    const tsconfigUri = fileUri(repo.path('tsconfig.json'));
    const removed = await waitFor('the removal reported on the project', () => client.latest(tsconfigUri));
    assert.deepEqual(codes(removed), ['contract-removed']);
    await waitFor('the deleted file to lose its diagnostics', () => client.latest(orderUri)?.diagnostics.length === 0);
    assertNoCrash();
  });
});
