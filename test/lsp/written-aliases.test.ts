import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient, lspRepo, type TempRepo, waitFor } from './lsp-harness';

const ORDER = (items: string, sku = 'string') => `type Sku = ${sku};\n/** @wire */\nexport interface Order {\n  items: ${items};\n}\n`;
const ORDER_NAME = { line: 2, character: 18 };

// Issue 15, point 10: the editor names the type the way the user wrote it.
describe('language server: messages keep the aliases the declaration wrote', () => {
  let repo: TempRepo;
  let client: LspClient;
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-lsp-cache-'));

  before(async () => {
    repo = lspRepo({ 'src/orders.ts': ORDER('Sku[]') });
    repo.git('tag', 'v1.0.0');
    client = await LspClient.start({ folders: [repo.dir], cacheDir });
    await waitFor('first status', () => client.statuses.find((s) => s.state === 'ok'));
  });

  after(async () => {
    await client?.stop();
    repo?.dispose();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  const hover = async (uri: string, position: { line: number; character: number }): Promise<string> => {
    const h = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position });
    return h?.contents.value ?? '';
  };

  it('the diagnostic’s hover and the contract’s diff say `Sku[]`, not `string[]`', async () => {
    const { uri } = await client.show(repo.path('src/orders.ts'), ORDER('Sku'));
    const [d, ...rest] = client.latest(uri)?.diagnostics ?? [];
    assert.ok(d && rest.length === 0, 'one diagnostic');
    assert.equal(d.code, 'type-changed');
    assert.match(await hover(uri, d.range.start), /Type changed from `Sku\[\]` to `Sku`:/);
    assert.match(await hover(uri, ORDER_NAME), /```diff\n-   items: Sku\[\];\n\+   items: Sku;\n```/);
  });

  it('an alias that now stands for another type is spelled out, where `Sku[]` on both sides would hide it', async () => {
    const { uri } = await client.show(repo.path('src/orders.ts'), ORDER('Sku[]', 'number'));
    const [d] = client.latest(uri)?.diagnostics ?? [];
    assert.ok(d, 'a diagnostic');
    assert.match(await hover(uri, d.range.start), /Type changed from `string` to `number`:/);
    assert.match(await hover(uri, ORDER_NAME), /```diff\n-   items: string\[\];\n\+   items: number\[\];\n```/);
  });
});
