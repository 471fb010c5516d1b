import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixesFor, type FixEdit, type FixInput } from '../../../server/src/fixes/index.js';
import { findingsBetween, packageJson } from './adapter-helper.js';

const input = (before: Record<string, string>, after: Record<string, string>): FixInput => ({
  newText: (file) => after[file],
  oldText: (file) => before[file],
  baselineLabel: 'deployed',
});

/** Applies edits to one file's text, last first so earlier offsets hold. */
function apply(text: string, edits: FixEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: FixEdit['range']['start']) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  }
  return out;
}

const trpc = (fields: string) => ({
  'package.json': packageJson('@trpc/server', 'zod'),
  'src/router.ts': `import { initTRPC } from '@trpc/server';
import { z } from 'zod';
const t = initTRPC.create();
export const appRouter = t.router({
  order: t.router({
    create: t.procedure
      .input(z.object({
        ${fields}
      }))
      .mutation(() => 'ok'),
  }),
});
`,
});

test('a tRPC input field: suppressing it with a reason is offered above the field, and silences the finding', () => {
  const before = trpc('qty: z.number(),');
  const after = trpc('qty: z.number(),\n        currency: z.string(),');
  const [finding] = findingsBetween(before, after);
  assert.equal(finding?.path, 'order.create(input).currency');
  assert.equal(finding.loc?.range.start.line, 8);
  const { fixes } = fixesFor(finding, input(before, after));
  assert.deepEqual(fixes.map((f) => f.title), [
    'Make `currency` optional so deployed clients can still call without it',
    'Suppress `field-required-added` for `currency` with a reason',
  ]);
  const text = apply(after['src/router.ts'], fixes[1]!.edits).replace('$0', 'clients send it from v2');
  assert.match(text, /\/\/ skew-ignore field-required-added: clients send it from v2\n {8}currency: z.string\(\),/);
  assert.deepEqual(findingsBetween(before, { ...after, 'src/router.ts': text }), []);
});

test('making a schema field optional is spelled as the library spells it: zod chains, valibot wraps', () => {
  const before = trpc('qty: z.number(),');
  const after = trpc('qty: z.number(),\n        currency: z.string().min(3),');
  const [finding] = findingsBetween(before, after);
  assert.ok(finding);
  const [fix] = fixesFor(finding, input(before, after)).fixes;
  assert.equal(fix?.safe, true);
  const fixed = apply(after['src/router.ts'], fix.edits);
  assert.match(fixed, /currency: z\.string\(\)\.min\(3\)\.optional\(\),/);
  assert.deepEqual(findingsBetween(before, { ...after, 'src/router.ts': fixed }), []);

  const valibot = (files: Record<string, string>) => ({
    ...files,
    'package.json': packageJson('@trpc/server', 'valibot'),
    'src/router.ts': files['src/router.ts']!.replace("import { z } from 'zod';", "import * as v from 'valibot';").replace('z.object', 'v.object').replace(/z\.(number|string)\(\)/g, 'v.$1()'),
  });
  const vBefore = valibot(before);
  const vAfter = valibot(trpc('qty: z.number(),\n        currency: z.string(),'));
  const [vFinding] = findingsBetween(vBefore, vAfter);
  assert.equal(vFinding?.path, 'order.create(input).currency');
  const [vFix] = fixesFor(vFinding, input(vBefore, vAfter)).fixes;
  assert.ok(vFix);
  const vFixed = apply(vAfter['src/router.ts'], vFix.edits);
  assert.match(vFixed, /currency: v\.optional\(v\.string\(\)\),/);
  assert.deepEqual(findingsBetween(vBefore, { ...vAfter, 'src/router.ts': vFixed }), []);
});

test('a Workers RPC parameter made required: make-optional applies as on any class method', () => {
  const worker = (param: string) => ({
    'package.json': packageJson('@cloudflare/workers-types'),
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', types: ['@cloudflare/workers-types'] } }),
    'src/worker.ts': `import { WorkerEntrypoint } from 'cloudflare:workers';
export default class Api extends WorkerEntrypoint {
  async greet(${param}) { return 'hi'; }
}
`,
  });
  const before = worker('name?: string');
  const after = worker('name: string');
  const [finding] = findingsBetween(before, after);
  assert.equal(finding?.rule, 'rpc-parameter-made-required');
  const { fixes } = fixesFor(finding, input(before, after));
  const keep = fixes.find((f) => f.safe);
  assert.ok(keep, fixes.map((f) => f.title).join(', '));
  assert.equal(apply(after['src/worker.ts'], keep.edits), before['src/worker.ts']);
});
