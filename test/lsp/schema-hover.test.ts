import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient, TempRepo, waitFor } from './lsp-harness';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler' } });
const ORDER = (itemPolicy: string, extra = '') => `import { z } from 'zod';
const Item = z.${itemPolicy}({ sku: z.string()${extra} });
/** @wire */
export const Order = z.object({ id: z.string(), items: z.array(Item) });
`;

describe('language server: schema contracts', () => {
  let repo: TempRepo;
  let client: LspClient;
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-lsp-cache-'));

  before(async () => {
    repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, '.gitignore': 'node_modules\n', 'src/messages.ts': ORDER('strictObject') });
    // The project's own zod, installed and not committed, as in any project.
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), repo.path('node_modules'));
    repo.commit('deployed');
    repo.tag('deployed');
    client = await LspClient.start({ folders: [repo.dir], cacheDir });
    await waitFor('first status', () => client.statuses.find((s) => s.state === 'ok'));
  });

  after(async () => {
    await client?.stop();
    repo?.dispose();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('hover shows the reader policy per object here and in the baseline; the lens counts the findings', async () => {
    // The deployed reader of items is strict, so the key this version now writes into them breaks it.
    const { uri } = await client.show(repo.path('src/messages.ts'), ORDER('looseObject', ', gift: z.boolean().optional()'));
    const hover = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 3, character: 15 },
    });
    assert.ok(hover, 'hover over Order');
    assert.match(hover.contents.value, /Reader policy here: `Order` strip \(src\/messages\.ts:4\) · `Order\.items\[\]` lenient \(src\/messages\.ts:2\)/);
    assert.match(hover.contents.value, /Reader policy in deployed \([0-9a-f]+\): `Order` strip \(src\/messages\.ts:4\) · `Order\.items\[\]` strict \(src\/messages\.ts:2\)/);
    // The hover shows what changed (the schema's shape as a type), with a link to the whole baseline shape.
    assert.match(hover.contents.value, /```diff\n\+\s+gift\?: boolean;\n```/);
    assert.match(hover.contents.value, /\[Full shape in deployed \([0-9a-f]+\)\]\(skew-baseline:/);

    const lenses = await client.connection.sendRequest<{ range: { start: { line: number } }; command: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command.title]),
      [[3, '1 breaking change']],
    );
    assert.match(hover.contents.value, /`strict-reader-undeclared-field` Order\.items.*\.gift: new-to-old/);
  });
});
