import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The Standard Schema interface zod 3.24+, zod 4 and valibot 1 all implement: one way to run any of them. */
interface StandardSchema {
  '~standard': { validate(value: unknown): { issues?: readonly unknown[]; value?: unknown } | Promise<{ issues?: readonly unknown[]; value?: unknown }> };
}

const isStandard = (v: unknown): v is StandardSchema => typeof v === 'object' && v !== null && '~standard' in v;

/** The schema value a fixture folder exports under `name`, loaded by running the fixture's own module. */
export async function loadSchema(dir: string, name: string): Promise<StandardSchema | undefined> {
  for (const file of fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).sort()) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>;
    const value = mod[name];
    if (isStandard(value)) return value;
  }
  return undefined;
}

/** What the real decoder does with a value: rejects it, or accepts it as it came or changed (keys stripped, defaults filled). */
export async function decode(schema: StandardSchema, value: unknown): Promise<'rejects' | 'accepts' | 'changes'> {
  const result = await schema['~standard'].validate(value);
  if (result.issues) return 'rejects';
  return JSON.stringify(result.value) === JSON.stringify(value) ? 'accepts' : 'changes';
}
