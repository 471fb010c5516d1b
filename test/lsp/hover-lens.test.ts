import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeLens, Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspClient, lspRepo, type TempRepo, waitFor, type Published } from './lsp-harness';

const LINE = `/** @wire */
export interface Line {
  sku: string;
  qty: number;
}
`;
const ORDER = `import type { Line } from './line';

/** @wire */
export interface OrderCreated {
  id: string;
  amount: number;
  lines: Line[];
}

/** @rpc */
export interface OrderService {
  place(order: OrderCreated): Promise<string>;
}
`;
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

/** Where each contract's name is in ORDER (and in every edit below, which keep the lines above them). */
const ORDER_NAME = { line: 3, character: 20 };
const SERVICE_NAME = { line: 10, character: 20 };

describe('language server: hover and code lens show each contract’s status against the baseline', () => {
  let repo: TempRepo;
  let client: LspClient;
  let orderUri: string;
  let lineUri: string;
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-lsp-cache-'));

  before(async () => {
    repo = lspRepo({ 'src/line.ts': LINE, 'src/order.ts': ORDER });
    repo.git('tag', 'v1.4.0');
    client = await LspClient.start({ folders: [repo.dir], cacheDir });
    orderUri = await client.open(repo.path('src/order.ts'));
    lineUri = await client.open(repo.path('src/line.ts'));
    await waitFor('first status', () => client.statuses.find((s) => s.state === 'ok'));
  });

  after(async () => {
    await client?.stop();
    repo?.dispose();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  async function setText(uri: string, text: string, findings: number): Promise<Published | undefined> {
    const sent = Date.now();
    const version = await client.edit(uri, WHOLE, text);
    return waitFor(`${findings} diagnostics for version ${version}`, () => {
      const p = client.latest(uri);
      if (p && p.version === version && p.diagnostics.length === findings) return p;
      // A file that had no diagnostics and still has none gets no new publish (a test that starts from the
      // text on disk): after a moment with none, the clean state stands.
      if (findings === 0 && Date.now() - sent > 1500 && (p?.diagnostics.length ?? 0) === 0) return { none: true };
      return undefined;
    }).then((r) => ('none' in r ? undefined : r));
  }

  /** Polls an async probe (code lenses are asked for, not pushed). */
  async function eventually<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const lenses = async (uri: string) =>
    (await client.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } })).map((l) => [
      l.range.start.line,
      l.command?.title,
      l.command?.command,
    ]);

  const hover = async (uri: string, position: { line: number; character: number }) => {
    const h = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    return h && (h.contents as MarkupContent).value;
  };

  it('compatible contracts: no lens, and a hover that names the baseline without calling it deployed and links its shape', async () => {
    await waitFor('the first check of the open files', () => client.statuses.some((s) => s.state === 'ok' && s.breaking === 0));
    assert.deepEqual(await lenses(orderUri), []);
    assert.deepEqual(await lenses(lineUri), []);

    const order = await hover(orderUri, ORDER_NAME);
    assert.ok(order);
    assert.match(order, /^\*\*OrderCreated\*\* \(wire message\): compatible with v1\.4\.0 \(newest tag; no deployed tag\)\./);
    assert.doesNotMatch(order, /```/, 'nothing changed, so no shape at all');
    assert.match(order, /\[Full shape in v1\.4\.0 \(newest tag; no deployed tag\)\]\(skew-baseline:\/src\/order\.ts%20%28v1\.4\.0%2C%20newest%20tag%29\?commit=[0-9a-f]{40}&root=[^)]*#L4\)/);

    const service = await hover(orderUri, SERVICE_NAME);
    assert.ok(service);
    assert.match(service, /^\*\*OrderService\*\* \(RPC service\): compatible with v1\.4\.0 \(newest tag; no deployed tag\)\./);
  });

  it('"2 breaking changes" above a contract with two, peeking its findings; the hover shows only what changed, old → new', async () => {
    // A new name with another type is not a rename: one field removed, one required field added.
    const published = await setText(orderUri, ORDER.replace('  amount: number;\n', '  total: string;\n'), 2);
    assert.ok(published, 'two diagnostics were published');
    const span = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range, d.relatedInformation?.[0]?.location.range]),
      [
        ['field-required-added', span(5, 2, 7), span(3, 17, 29)],
        // A removed member has no place in the working tree: its enclosing contract's name, and the member in the baseline.
        ['field-removed', span(3, 17, 29), span(5, 2, 8)],
      ],
    );
    assert.deepEqual(await lenses(orderUri), [
      [3, '2 breaking changes', 'skew.peekFindings'],
      // OrderService.place takes an OrderCreated, so what breaks the message breaks the call too.
      [10, '2 breaking changes', 'skew.peekFindings'],
    ]);
    const order = await hover(orderUri, ORDER_NAME);
    assert.ok(order);
    assert.match(order, /: 2 breaking changes\./);
    assert.match(order, /^- `field-removed` OrderCreated\.amount: new-to-old$/m);
    assert.match(order, /^- `field-required-added` OrderCreated\.total: old-to-new$/m);
    assert.match(order, /```diff\n-   amount: number;\n\+   total: string;\n```/, 'old → new, and only that');
    assert.doesNotMatch(order, /id: string/, 'unchanged lines are left out');
  });

  it('a change inside a contained contract counts on the container too; a new contract says it is new', async () => {
    await setText(orderUri, ORDER, 0);
    await setText(lineUri, LINE.replace('  qty: number;\n', '  qty: number;\n  unit: string;\n'), 1);
    assert.deepEqual(await lenses(lineUri), [[1, '1 breaking change', 'skew.peekFindings']]);
    assert.deepEqual(await lenses(orderUri), [
      [3, '1 breaking change', 'skew.peekFindings'],
      [10, '1 breaking change', 'skew.peekFindings'],
    ]);
    assert.equal(client.latest(orderUri)?.diagnostics.length ?? 0, 0, 'the finding itself is reported once, on Line');

    await setText(lineUri, LINE, 0);
    const withNew = `${ORDER}\n/** @wire */\nexport interface OrderShipped {\n  id: string;\n}\n`;
    // Nothing is published for a file that had no diagnostics and still has none: wait for the hover instead.
    await client.edit(orderUri, WHOLE, withNew);
    const shipped = await eventually('a hover for the new contract', async () => (await hover(orderUri, { line: 15, character: 20 })) ?? undefined);
    assert.match(shipped, /^\*\*OrderShipped\*\* \(wire message\): new since v1\.4\.0 \(newest tag; no deployed tag\), so no node of that version sends or serves it yet\.$/);
    assert.deepEqual(await lenses(orderUri), [], 'nothing breaks, so no lens');
  });
});
