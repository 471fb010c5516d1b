import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './schema-tree.js';

/** The Standard Schema interface zod 3.24+, zod 4 and valibot 1 all implement: one way to run any of them. */
interface StandardSchema {
  '~standard': { validate(value: unknown): { issues?: readonly unknown[]; value?: unknown } | Promise<{ issues?: readonly unknown[]; value?: unknown }> };
}

const SCRATCH = path.join(REPO_ROOT, 'test-artifacts', 'schema-modules');
let counter = 0;

/**
 * Runs a fixture's source as a module and returns its export `name`. The file is written under the repository,
 * so the real libraries resolve from its node_modules as they do for a user's project.
 */
export async function loadSchema(source: string, name: string): Promise<StandardSchema> {
  fs.mkdirSync(SCRATCH, { recursive: true });
  const file = path.join(SCRATCH, `${process.pid}-${++counter}.ts`);
  fs.writeFileSync(file, source);
  try {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const value = mod[name];
    if (typeof value !== 'object' || value === null || !('~standard' in value)) throw new Error(`${name} is not a schema`);
    return value as StandardSchema;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** What the real decoder does with a value: rejects it, or accepts it as it came, or changed (keys dropped, defaults filled). */
export async function decode(schema: StandardSchema, value: unknown): Promise<'rejects' | 'accepts' | 'changes'> {
  const result = await schema['~standard'].validate(value);
  if (result.issues) return 'rejects';
  return canonical(result.value) === canonical(value) ? 'accepts' : 'changes';
}

/** JSON with keys sorted: a decoder may rebuild an object in its own key order, which is no change on the wire. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
