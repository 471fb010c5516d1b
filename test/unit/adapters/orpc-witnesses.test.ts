import { test } from 'node:test';
import assert from 'node:assert/strict';
import { witnessFor } from '../../../server/src/witness/witness-for.js';
import { describe, extractProject, packageJson } from './adapter-helper.js';
import { compareModels } from '../../../server/src/rules';
import { importProject, verdictOf } from './run-project.js';

/**
 * oRPC procedures whose `.input()` is a zod or valibot schema: each finding's witness is run through the real
 * procedures of both versions with oRPC's `call`. The writing version's procedure takes the input; the reading
 * version's refuses it with BAD_REQUEST (its input schema's refusal).
 */
const project = (input: string): Record<string, string> => ({
  'package.json': packageJson('@orpc/server', 'zod', 'valibot'),
  'src/router.ts': `import { os } from '@orpc/server';
import { z } from 'zod';
import * as v from 'valibot';
export const router = { planet: { create: os.input(${input}).handler(() => ({ id: 1 })) } };
`,
});

type Call = (input: unknown) => Promise<'accepts' | 'rejects'>;

async function caller(files: Record<string, string>): Promise<Call> {
  const { call } = await import('@orpc/server');
  const mod = await importProject<{ router: { planet: { create: Parameters<typeof call>[0] } } }>(files, 'src/router.ts', 'orpc-modules');
  return (input) => verdictOf(() => call(mod.router.planet.create, input as never));
}

async function witnessed(before: string, after: string): Promise<string[]> {
  const [oldFiles, newFiles] = [project(before), project(after)];
  const [old, now] = [extractProject(oldFiles, {}, 'baseline'), extractProject(newFiles, {}, 'working tree')];
  assert.deepEqual([...old.problems, ...now.problems], []);
  const { findings } = compareModels(old.model, now.model);
  const callers = { baseline: await caller(oldFiles), 'this version': await caller(newFiles) };
  for (const finding of findings) {
    const witness = witnessFor(finding, old.model, now.model);
    assert.ok(!('none' in witness), `${finding.rule} ${finding.path}`);
    assert.ok(Array.isArray(witness.value));
    const [input] = witness.value as unknown[];
    const reader = witness.writer === 'baseline' ? 'this version' : 'baseline';
    assert.equal(await callers[witness.writer](input), 'accepts', `${finding.rule}: ${witness.writer} sends ${JSON.stringify(input)}`);
    assert.equal(await callers[reader](input), 'rejects', `${finding.rule}: ${reader} takes ${JSON.stringify(input)}`);
  }
  return describe(findings);
}

test('oRPC: a zod input made strict, with .int() added, refuses what old clients send', async () => {
  assert.deepEqual(await witnessed('z.object({ qty: z.number(), note: z.string().optional() })', 'z.strictObject({ qty: z.number().int() })'), [
    'reader-refinement-added planet.create(input).qty [old-to-new]',
    'strict-reader-undeclared-field planet.create(input).note [old-to-new]',
  ]);
});

test('oRPC: a key new clients add is refused by the old strict valibot input', async () => {
  assert.deepEqual(await witnessed('v.strictObject({ qty: v.number() })', 'v.strictObject({ qty: v.number(), note: v.optional(v.string()) })'), [
    'strict-reader-undeclared-field planet.create(input).note [new-to-old]',
  ]);
});

test('oRPC: an input field given .default() may be left out by new clients, which the old schema refuses', async () => {
  assert.deepEqual(await witnessed('z.object({ qty: z.number() })', 'z.object({ qty: z.number().default(1) })'), ['field-made-optional planet.create(input).qty [new-to-old]']);
});
