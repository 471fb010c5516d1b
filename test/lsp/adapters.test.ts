import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient, messageOf, lspRepo, type TempRepo, waitFor } from './lsp-harness';

const ROUTER = `import { initTRPC } from '@trpc/server';
import { z } from 'zod';

const t = initTRPC.create();
export const createTRPCRouter = t.router;

export const appRouter = createTRPCRouter({
  order: createTRPCRouter({
    create: t.procedure
      .input(z.object({
        qty: z.number(),
      }))
      .mutation(({ input }) => ({ id: 'o1', qty: input.qty })),
  }),
});
export type AppRouter = typeof appRouter;
`;

/** Right after `qty: z.number(),`, where a new input field can be typed. */
const AFTER_QTY = { line: 10, character: 24 };
const CURRENCY = '\n        currency: z.string(),';

describe('language server: a tRPC router, no annotations', () => {
  let repo: TempRepo;
  let client: LspClient;
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-lsp-cache-'));

  before(async () => {
    repo = lspRepo({
      '.gitignore': 'node_modules\n',
      'package.json': JSON.stringify({ name: 'shop', dependencies: { '@trpc/server': '11', zod: '4' } }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler' } }),
      'src/router.ts': ROUTER,
    });
    // The real libraries, installed as a project would have them.
    fs.symlinkSync(path.resolve(__dirname, '../../node_modules'), repo.path('node_modules'), 'dir');
    repo.git('tag', 'v1');
    client = await LspClient.start({ folders: [repo.dir], cacheDir });
    await waitFor('first status', () => client.statuses.find((s) => s.state === 'ok'), 60_000);
  });

  after(async () => {
    await client?.stop();
    repo?.dispose();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('reports a required input field on the schema property as it is typed, and clears it when removed', async () => {
    const uri = await client.open(repo.path('src/router.ts'));
    const version = await client.edit(uri, { start: AFTER_QTY, end: AFTER_QTY }, CURRENCY);
    const published = await waitFor(
      'a diagnostic for the new input field',
      () => {
        const p = client.latest(uri);
        return p && p.version === version && p.diagnostics.length > 0 ? p : undefined;
      },
      60_000,
    );
    assert.equal(published.diagnostics.length, 1);
    const d = published.diagnostics[0]!;
    assert.equal(d.code, 'field-required-added');
    assert.deepEqual(d.range, { start: { line: 11, character: 8 }, end: { line: 11, character: 16 } });
    assert.deepEqual(d.data, { rule: 'field-required-added', contract: 'order', path: 'order.create(input).currency', breaks: ['old-to-new'] });
    assert.match(messageOf(d), /currency/);

    // The router's key carries the service's status, as a tagged interface's name does.
    const lenses = await client.connection.sendRequest<{ range: { start: { line: number } }; command?: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title]), [[7, '1 breaking change']]);
    const hover = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 7, character: 4 } });
    assert.match(hover?.contents.value ?? '', /^\*\*order\*\* \(RPC service\)/);

    const reverted = await client.edit(uri, { start: AFTER_QTY, end: { line: 11, character: 29 } }, '');
    await waitFor('the diagnostic to disappear', () => {
      const p = client.latest(uri);
      return p && p.version === reverted && p.diagnostics.length === 0 ? p : undefined;
    }, 60_000);
  });
});
