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
  // The field is a schema entry, not a type member: `?` would not compile there, so no make-optional edit.
  assert.deepEqual(fixes.map((f) => f.title), ['Suppress `field-required-added` for `currency` with a reason']);
  const text = apply(after['src/router.ts'], fixes[0]!.edits).replace('$0', 'clients send it from v2');
  assert.match(text, /\/\/ skew-ignore field-required-added: clients send it from v2\n {8}currency: z.string\(\),/);
  assert.deepEqual(findingsBetween(before, { ...after, 'src/router.ts': text }), []);
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
