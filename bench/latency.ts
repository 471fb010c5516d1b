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
  /**
   * The server's CPU time (user + system) per edit, where /proc tells it: on a machine shared with other work
   * the wall-clock percentiles move with the load, this much less.
   */
  serverCpuMsPerEdit?: number;
}

/** A process's CPU time so far, in ms (Linux); undefined elsewhere. */
function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

/**
 * @param file The contract file typed into (relative to `dir`); it must have findings against the baseline, so
 * every accepted check publishes for the new version, and a line with a field `note` to rename.
 */
export async function measureLatency(dir: string, edits = 40, file = 'src/contracts/c12.ts'): Promise<Latency> {
  process.env.SKEW_LSP_SERVER ??= 'dist/server.js';
  const cacheDir = resolve(dir, '../cache-latency');
  rmSync(cacheDir, { recursive: true, force: true });
  const client = await LspClient.start({ folders: [dir], cacheDir });
  try {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    const uri = await client.open(path, text);
    await waitFor('first diagnostics', () => client.latest(uri), 120_000);
    // Rename a field one keystroke at a time (`note` → `notexx…`): every version parses, so every one is checked.
    const line = text.split('\n').findIndex((l) => /^\s*note\??:/.test(l));
    let col = text.split('\n')[line]!.indexOf('note') + 'note'.length;
    const times: number[] = [];
    const cpuBefore = cpuMs(client.child.pid);
    for (let i = 0; i < edits; i++) {
      const start = performance.now();
      const version = await client.edit(uri, { start: { line, character: col }, end: { line, character: col } }, 'x');
      col++;
      const published = await waitFor(`diagnostics for version ${version}`, () => client.published.find((p) => p.uri === uri && p.version === version), 60_000);
      // Arrival time is stamped by the client as the message comes in, so the polling above adds nothing.
      times.push(published.receivedAt! - start);
    }
    const cpuAfter = cpuMs(client.child.pid);
    times.sort((a, b) => a - b);
    const latency: Latency = { samples: times.length, p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
    if (cpuBefore !== undefined && cpuAfter !== undefined) latency.serverCpuMsPerEdit = (cpuAfter - cpuBefore) / edits;
    return latency;
  } finally {
    await client.stop();
  }
}
