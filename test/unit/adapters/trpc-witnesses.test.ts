import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../server/src/engine/finding.js';
import { witnessFor } from '../../../server/src/witness/witness-for.js';
import { describe, extractProject, packageJson } from './adapter-helper.js';
import { compareModels } from '../../../server/src/rules';
import { importProject, verdictOf } from './run-project.js';

/**
 * tRPC v11 procedures whose `.input()` is a zod schema: each finding's witness is run through the real
 * procedures, both versions loaded as modules and called with tRPC's own caller. The writing version's procedure
 * takes the input (its client sends what its own schema accepts); the reading version's refuses it.
 */
const TRPC = `import { initTRPC } from '@trpc/server';
const t = initTRPC.create();
export const createTRPCRouter = t.router;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;
`;

/** `base`: statements before the router (a base procedure of the project's own). */
function project(procedures: string, base = ''): Record<string, string> {
  return {
    'package.json': packageJson('@trpc/server', 'zod', 'valibot'),
    'src/trpc.ts': TRPC,
    'src/order.ts': `import { z } from 'zod';
import * as v from 'valibot';
import { createTRPCRouter, publicProcedure, createCallerFactory } from './trpc';
${base}
export const orderRouter = createTRPCRouter({
${procedures}
});
export const createCaller = createCallerFactory(orderRouter);
`,
  };
}

type Call = (procedure: string, input: unknown) => Promise<'accepts' | 'rejects'>;

/** The project's router, run: a caller that says whether a procedure takes the input. */
async function caller(files: Record<string, string>): Promise<Call> {
  const mod = await importProject<{ createCaller: (ctx: object) => Record<string, (input: unknown) => Promise<unknown>> }>(files, 'src/order.ts', 'trpc-modules');
  const api = mod.createCaller({});
  return (procedure, input) => verdictOf(() => api[procedure]!(input));
}

/** The findings, each with its witness run through both versions' procedures. */
async function witnessed(before: string, after: string, bases: [string, string] = ['', '']): Promise<string[]> {
  const [oldFiles, newFiles] = [project(before, bases[0]), project(after, bases[1])];
  const [old, now] = [extractProject(oldFiles, {}, 'baseline'), extractProject(newFiles, {}, 'working tree')];
  assert.deepEqual([...old.problems, ...now.problems], []);
  const { findings } = compareModels(old.model, now.model);
  const callers = { baseline: await caller(oldFiles), 'this version': await caller(newFiles) };
  for (const finding of findings) await run(finding, old.model, now.model, callers);
  return describe(findings);
}

async function run(finding: Finding, oldModel: Parameters<typeof witnessFor>[1], newModel: Parameters<typeof witnessFor>[2], callers: Record<'baseline' | 'this version', Call>) {
  const witness = witnessFor(finding, oldModel, newModel);
  assert.ok(!('none' in witness), `${finding.rule} ${finding.path}: ${'none' in witness ? witness.none : ''}`);
  // An input witness is the call's arguments; a tRPC procedure takes one, its input.
  assert.ok(Array.isArray(witness.value), `${finding.rule}: ${JSON.stringify(witness.value)} is not a call`);
  const [input] = witness.value as unknown[];
  const procedure = finding.path.split(/[.(]/)[1]!;
  const reader = witness.writer === 'baseline' ? 'this version' : 'baseline';
  assert.equal(await callers[witness.writer](procedure, input), 'accepts', `${finding.rule}: ${witness.writer} sends ${JSON.stringify(input)}`);
  assert.equal(await callers[reader](procedure, input), 'rejects', `${finding.rule}: ${reader} takes ${JSON.stringify(input)}`);
}

const create = (input: string) => `  create: publicProcedure.input(${input}).mutation(() => ({ id: 'o1' })),`;

test('tRPC v11: a required input field added is refused by the new procedure for what old clients send', async () => {
  assert.deepEqual(await witnessed(create('z.object({ qty: z.number() })'), create('z.object({ qty: z.number(), currency: z.string() })')), [
    'field-required-added orderRouter.create(input).currency [old-to-new]',
  ]);
});

test('tRPC v11: an input field whose type changed is refused both ways, each by the other version', async () => {
  assert.deepEqual(await witnessed(create('z.object({ qty: z.number() })'), create('z.object({ qty: z.string() })')), [
    'type-changed orderRouter.create(input).qty [new-to-old,old-to-new]',
  ]);
});

test('tRPC v11: a plain input (not an object) narrowed: the value old clients may send is refused', async () => {
  const get = (input: string) => `  get: publicProcedure.input(${input}).query(() => 'ok'),`;
  assert.deepEqual(await witnessed(get("z.enum(['new', 'paid', 'shipped'])"), get("z.enum(['new', 'paid'])")), ['union-variant-removed orderRouter.get(input) [old-to-new]']);
});


test('tRPC v11: an input made strict refuses the key old clients still send (the strict parser is read, not only its type)', async () => {
  assert.deepEqual(await witnessed(create('z.object({ qty: z.number(), note: z.string().optional() })'), create('z.strictObject({ qty: z.number() })')), [
    'strict-reader-undeclared-field orderRouter.create(input).note [old-to-new]',
  ]);
});

test('tRPC v11: a key new clients add is refused by the old strict parser', async () => {
  assert.deepEqual(await witnessed(create('z.object({ qty: z.number() }).strict()'), create('z.object({ qty: z.number(), note: z.string().optional() }).strict()')), [
    'strict-reader-undeclared-field orderRouter.create(input).note [new-to-old]',
  ]);
});

test('tRPC v11: an input field given .int() refuses what old clients may send', async () => {
  assert.deepEqual(await witnessed(create('z.object({ qty: z.number() })'), create('z.object({ qty: z.number().int().positive() })')), [
    'reader-refinement-added orderRouter.create(input).qty [old-to-new]',
  ]);
});

test('tRPC v11: an input field given .default() may be left out by new clients, which the old parser refuses', async () => {
  // Old clients still send the key, which the new parser takes: only new-to-old breaks.
  assert.deepEqual(await witnessed(create('z.object({ qty: z.number() })'), create('z.object({ qty: z.number().default(1) })')), [
    'field-made-optional orderRouter.create(input).qty [new-to-old]',
  ]);
});

test('tRPC v11: stacked .input() calls are all run on what the client sends: a check in either parser refuses it', async () => {
  const stacked = (second: string) => `  create: publicProcedure.input(z.object({ orgId: z.string() })).input(${second}).mutation(() => ({ id: 'o1' })),`;
  assert.deepEqual(await witnessed(stacked('z.object({ qty: z.number() })'), stacked('z.object({ qty: z.number().int() })')), [
    'reader-refinement-added orderRouter.create(input).qty [old-to-new]',
  ]);
});

test('tRPC v11: a base procedure with its own .input() elsewhere: a check it adds refuses what old clients of every procedure built on it send', async () => {
  const base = (input: string) => `const orgProcedure = publicProcedure.input(${input});`;
  const create = '  create: orgProcedure.input(z.object({ qty: z.number() })).mutation(() => ({ id: \'o1\' })),';
  assert.deepEqual(await witnessed(create, create, [base('z.object({ orgId: z.string() })'), base('z.object({ orgId: z.string().min(3) })')]), [
    'reader-refinement-added orderRouter.create(input).orgId [old-to-new]',
  ]);
});

test('tRPC v11: a valibot input parser made strict, with a check added, is read as valibot reads', async () => {
  assert.deepEqual(await witnessed(create('v.object({ qty: v.number(), note: v.optional(v.string()) })'), create('v.strictObject({ qty: v.pipe(v.number(), v.integer()) })')), [
    'reader-refinement-added orderRouter.create(input).qty [old-to-new]',
    'strict-reader-undeclared-field orderRouter.create(input).note [old-to-new]',
  ]);
});
