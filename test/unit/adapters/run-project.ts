import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const REPO = path.resolve(__dirname, '../../..');
let counter = 0;

/**
 * A fixture project's TypeScript files run for real: written into a scratch folder (below the repository, so the
 * real libraries in its node_modules resolve), `entry` imported as a module, the folder removed again.
 */
export async function importProject<T>(files: Record<string, string>, entry: string, scratch: string): Promise<T> {
  const dir = path.join(REPO, 'test-artifacts', scratch, `${process.pid}-${++counter}`);
  for (const [name, text] of Object.entries(files)) {
    if (!name.endsWith('.ts')) continue;
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  try {
    return (await import(pathToFileURL(path.join(dir, entry)).href)) as T;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether a procedure takes an input: only its input parser's refusal counts (BAD_REQUEST, in tRPC and oRPC). */
export async function verdictOf(call: () => Promise<unknown>): Promise<'accepts' | 'rejects'> {
  try {
    await call();
    return 'accepts';
  } catch (e) {
    assert.equal((e as { code?: string }).code, 'BAD_REQUEST', String(e));
    return 'rejects';
  }
}
