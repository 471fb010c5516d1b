/**
 * 10,000 random edits through the real server over stdio: insertions and deletions at random places, text with
 * lone surrogates, every kind of line break, NUL and huge lines, sent in bursts with pauses so real checks run
 * on the garbage too. Then the original text is restored: the diagnostics must be the ones from before, the
 * server alive, nothing logged as an error. SKEW_FUZZ_SEED=<n> replays a run; the seed is printed.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ORDER_V1, ORDER_V2, lspSession, waitFor } from '../lsp/lsp-harness';

const EDITS = 10_000;
const BURST = 250;

/** mulberry32: small, seeded, good enough to spread edits. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = ['\n', '\r', '\r\n', '\u2028', '\u2029', '\u0000', '\ud800', '\udfff', '\u{1f600}', '\u202e', '{', '}', '"', '`', '/*', '*/', '//', '/** @wire */', 'interface X {', ': string;', '?: number;', 'export ', 'type T = ', '|', '<', '>'];

function randomText(rand: () => number): string {
  const roll = rand();
  if (roll < 0.002) return 'x'.repeat(20_000 + Math.floor(rand() * 40_000));
  const pieces: string[] = [];
  const n = 1 + Math.floor(rand() * 6);
  for (let i = 0; i < n; i++) {
    const kind = rand();
    if (kind < 0.5) pieces.push(FRAGMENTS[Math.floor(rand() * FRAGMENTS.length)]!);
    else if (kind < 0.8) pieces.push(String.fromCharCode(32 + Math.floor(rand() * 95)));
    else pieces.push(String.fromCharCode(Math.floor(rand() * 0x10000)));
  }
  return pieces.join('');
}

describe('security: fuzzed edits through the real language server', () => {
  const lsp = lspSession({ 'src/messages.ts': ORDER_V1 }, { tag: 'v1.4.0' });

  it(`${EDITS} random edits, then the original text: same diagnostics, no crash, no error`, { timeout: 120_000 }, async () => {
    const { client, repo } = lsp;
    const seed = process.env.SKEW_FUZZ_SEED ? Number(process.env.SKEW_FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
    console.log(`lsp fuzz seed: ${seed} (replay with SKEW_FUZZ_SEED=${seed})`);
    const rand = prng(seed);

    const uri = await client.open(repo.path('src/messages.ts'), ORDER_V2);
    const first = await waitFor('the finding of the original text', () => {
      const p = client.latest(uri);
      return p && p.diagnostics.length === 1 ? p : undefined;
    });
    const expected = first.diagnostics;

    let doc = TextDocument.create(uri, 'typescript', 1, ORDER_V2);
    let version = 1;
    for (let sent = 0; sent < EDITS; sent += BURST) {
      for (let i = 0; i < BURST && sent + i < EDITS; i++) {
        const length = doc.getText().length;
        const from = Math.floor(rand() * (length + 1));
        // Mostly small deletions; sometimes a large one keeps the text from growing without bound.
        const span = length > 100_000 ? length - from : rand() < 0.1 ? Math.floor(rand() * 400) : Math.floor(rand() * 4);
        const range = { start: doc.positionAt(from), end: doc.positionAt(Math.min(length, from + span)) };
        const text = rand() < 0.3 ? '' : randomText(rand);
        // Now and then a position past the end of a line or of the document, which the server must clamp.
        if (rand() < 0.02) range.end = { line: range.end.line + Math.floor(rand() * 3), character: range.end.character + Math.floor(rand() * 1000) };
        version++;
        doc = TextDocument.update(doc, [{ range, text }], version);
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
      }
      // Every few bursts, let the debounce fire so a real check runs on whatever the text is now.
      if ((sent / BURST) % 4 === 3) await new Promise((r) => setTimeout(r, 350));
    }

    version++;
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: ORDER_V2 }] });
    const restored = await waitFor(
      'the diagnostics of the restored text',
      () => {
        const p = client.latest(uri);
        return p && p.version === version ? p : undefined;
      },
      30_000,
    );
    assert.deepEqual(restored.diagnostics, expected);
    assert.ok(client.alive, 'the server is still running');
    assert.deepEqual(client.logs.filter((l) => /failed unexpectedly|uncaught|unhandled|ignored /.test(l)), []);
    assert.equal(client.stderr.join(''), '');
  });
});
