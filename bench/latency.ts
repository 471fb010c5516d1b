/**
 * Keystroke → diagnostics latency in the language server: an LSP client over stdio types into a contract of the
 * generated project, one character per edit, and times each edit until diagnostics for that version arrive.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LspClient, waitFor } from '../test/lsp/lsp-harness';

export interface Latency {
  samples: number;
  p50: number;
  p95: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

export async function measureLatency(dir: string, edits = 40): Promise<Latency> {
  process.env.SKEW_LSP_SERVER ??= 'dist/server.js';
  const cacheDir = resolve(dir, '../cache-latency');
  rmSync(cacheDir, { recursive: true, force: true });
  const client = await LspClient.start({ folders: [dir], cacheDir });
  try {
    const file = join(dir, 'src/contracts/c5.ts');
    const text = readFileSync(file, 'utf8');
    const uri = await client.open(file, text);
    await waitFor('first diagnostics', () => client.latest(uri), 120_000);
    // Type a new optional field into the first message, character by character.
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('note?: string;'));
    const typed = '  extra?: string;';
    const times: number[] = [];
    let col = 0;
    await client.edit(uri, { start: { line, character: 0 }, end: { line, character: 0 } }, '\n');
    for (let i = 0; i < edits; i++) {
      const ch = typed[col % typed.length];
      const start = process.hrtime.bigint();
      const version = await client.edit(uri, { start: { line, character: col }, end: { line, character: col } }, ch);
      col++;
      await waitFor(`diagnostics for version ${version}`, () => (client.latest(uri)?.version === version ? true : undefined), 60_000);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    return { samples: times.length, p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
  } finally {
    await client.stop();
  }
}
