import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Direction } from '../../../server/src/engine/finding';
import type { Codec } from '../../../server/src/engine/shape';
import type { Finding } from '../../../server/src/rules';
import { compareModels } from '../../../server/src/rules';
import { showValue } from '../../../server/src/witness/show-value';
import { witnessFor } from '../../../server/src/witness/witness-for';
import { checkWitness } from '../witness/sides';
import { extractProject, packageJson } from './adapter-helper';

/**
 * Each witness of a change only a non-JSON codec carries, run through that codec for real: superjson (tRPC's
 * transformer) and Node's structuredClone (the algorithm Workers RPC uses). What arrives must still be what the
 * writer declared and not what the reader declares, or the witness would be a claim about a value that never
 * reaches the reader.
 */

const TSCONFIG = { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', esModuleInterop: true, lib: ['ES2022'] };

const TRPC = `import { initTRPC } from '@trpc/server';
import superjson from 'superjson';
const t = initTRPC.create({ transformer: superjson });
export const router = t.router;
export const publicProcedure = t.procedure;
`;

const trpc = (order: string) => ({
  'package.json': packageJson('@trpc/server', 'zod', 'superjson'),
  'tsconfig.json': JSON.stringify({ compilerOptions: TSCONFIG }),
  'src/trpc.ts': TRPC,
  'src/order.ts': `import { z } from 'zod';\nimport { router, publicProcedure } from './trpc';\n${order}`,
});

const TRPC_BEFORE = `export const orderRouter = router({
  get: publicProcedure
    .input(z.object({ id: z.string() }))
    .query(() => ({ id: 'o1', at: new Date(), tags: new Set<string>(['a']), n: 1n, m: new Map<string, number>(), bytes: new Uint8Array([1]) })),
  put: publicProcedure
    .input(z.object({ at: z.date(), tags: z.set(z.string()), n: z.bigint(), m: z.map(z.string(), z.number()) }))
    .mutation(() => true),
});`;
const TRPC_AFTER = `export const orderRouter = router({
  get: publicProcedure
    .input(z.object({ id: z.string() }))
    .query(() => ({ id: 'o1', at: new Date().toISOString(), tags: ['a'], n: 1, m: {} as Record<string, number>, bytes: 'AQ==' })),
  put: publicProcedure
    .input(z.object({ at: z.string(), tags: z.array(z.string()), n: z.number(), m: z.record(z.string(), z.number()) }))
    .mutation(() => true),
});`;

const cloudflare = (worker: string) => ({
  'package.json': packageJson('@cloudflare/workers-types'),
  'tsconfig.json': JSON.stringify({ compilerOptions: { ...TSCONFIG, types: ['@cloudflare/workers-types'] } }),
  'src/worker.ts': `import { DurableObject, WorkerEntrypoint } from 'cloudflare:workers';\n${worker}`,
});

const CF_BEFORE = `export class Counter extends DurableObject {
  async stats(): Promise<{ value: number; at: Date; tags: Set<string>; n: bigint; m: Map<string, number> }> {
    return { value: 1, at: new Date(), tags: new Set(), n: 1n, m: new Map() };
  }
  async record(at: Date, tags: Set<string>, n: bigint, m: Map<string, number>, bytes: Uint8Array, buffer: ArrayBuffer): Promise<void> {}
}
export default class Api extends WorkerEntrypoint {
  async since(at: Date): Promise<number> { return 0; }
}
`;
const CF_AFTER = `export class Counter extends DurableObject {
  async stats(): Promise<{ value: number; at: string; tags: string[]; n: number; m: Record<string, number> }> {
    return { value: 1, at: '', tags: [], n: 1, m: {} };
  }
  async record(at: string, tags: string[], n: number, m: Record<string, number>, bytes: string, buffer: string): Promise<void> {}
}
export default class Api extends WorkerEntrypoint {
  async since(at: string): Promise<number> { return 0; }
}
`;

// superjson is an ES module only, which this CommonJS test can reach only by a dynamic import.
interface SuperJsonApi {
  serialize(value: unknown): { json: unknown; meta?: unknown };
  deserialize(payload: { json: unknown; meta?: unknown }): unknown;
}
let SuperJSON: SuperJsonApi;
before(async () => {
  SuperJSON = (await import('superjson')).default;
});

/**
 * How each codec sends a value and what the other end gets back. tRPC sends superjson's output as JSON text: without
 * that step an object superjson does not know (an ArrayBuffer) would pass through untouched, in memory only.
 */
const ROUND_TRIP: Record<Exclude<Codec, 'json'>, (value: unknown) => unknown> = {
  superjson: (value) => SuperJSON.deserialize(JSON.parse(JSON.stringify(SuperJSON.serialize(value))) as { json: unknown; meta?: unknown }),
  'structured-clone': (value) => structuredClone(value),
};

/** What each side declares at the changed place, as a test of the decoded value. */
const KINDS: Record<string, { before: (v: unknown) => boolean; after: (v: unknown) => boolean }> = {
  at: { before: (v) => v instanceof Date, after: (v) => typeof v === 'string' },
  tags: { before: (v) => v instanceof Set, after: Array.isArray },
  n: { before: (v) => typeof v === 'bigint', after: (v) => typeof v === 'number' },
  m: { before: (v) => v instanceof Map, after: (v) => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype },
  bytes: { before: (v) => v instanceof Uint8Array, after: (v) => typeof v === 'string' },
  buffer: { before: (v) => v instanceof ArrayBuffer, after: (v) => typeof v === 'string' },
};

/** The part of a whole witness (a call's argument list, or a result) at the finding's steps. */
function at(value: unknown, finding: Finding): unknown {
  let here = value;
  for (const step of finding.steps) {
    if (step.kind === 'param') here = (here as unknown[])[step.index];
    else if (step.kind === 'field') here = (here as Record<string, unknown>)[step.name];
  }
  return here;
}

/** The changed name: the last field, or the parameter itself. */
function changed(finding: Finding): string {
  const last = finding.steps.at(-1);
  return last?.kind === 'field' || last?.kind === 'param' ? last.name : '';
}

const FIXTURES = [
  { name: 'tRPC v11 with superjson', codec: 'superjson', before: trpc(TRPC_BEFORE), after: trpc(TRPC_AFTER), contracts: ['orderRouter'], findings: 9 },
  { name: 'Cloudflare Workers RPC (structured clone)', codec: 'structured-clone', before: cloudflare(CF_BEFORE), after: cloudflare(CF_AFTER), contracts: ['Api', 'Counter'], findings: 11 },
] as const;

for (const fixture of FIXTURES) {
  describe(`${fixture.name}: each witness, run through the real codec`, () => {
    const oldModel = extractProject(fixture.before, {}, 'baseline').model;
    const newModel = extractProject(fixture.after, {}, 'working tree').model;
    const { findings } = compareModels(oldModel, newModel);

    it('the adapter states the codec and every change is an error-level type change', () => {
      assert.deepEqual(Object.keys(newModel.contracts).sort(), fixture.contracts);
      for (const name of fixture.contracts) assert.equal(newModel.contracts[name]?.codec, fixture.codec);
      assert.equal(findings.length, fixture.findings);
      for (const f of findings) assert.deepEqual([f.rule, f.severity, [...f.breaks].sort()], ['type-changed', 'error', ['new-to-old', 'old-to-new']]);
    });

    for (const finding of findings) {
      for (const direction of ['old-to-new', 'new-to-old'] as Direction[]) {
        it(`${finding.path}, ${direction}: the value arrives as the writer's type, which the reader does not declare`, () => {
          const witness = witnessFor({ ...finding, breaks: [direction] }, oldModel, newModel);
          assert.ok('value' in witness, 'none' in witness ? witness.none : '');
          assert.equal(checkWitness(finding, witness, oldModel, newModel), undefined);
          const decoded = ROUND_TRIP[fixture.codec](witness.value);
          // The claim holds of what the reader gets, not only of what the writer sent.
          assert.equal(checkWitness(finding, { ...witness, value: decoded }, oldModel, newModel), undefined, showValue(decoded, false).text);
          const kinds = KINDS[changed(finding)];
          assert.ok(kinds, `no kinds for ${finding.path}`);
          const [writes, reads] = witness.writer === 'baseline' ? [kinds.before, kinds.after] : [kinds.after, kinds.before];
          const value = at(decoded, finding);
          assert.ok(writes(value), `decoded ${showValue(value, false).text} is what ${witness.writer} declares`);
          assert.ok(!reads(value), `decoded ${showValue(value, false).text} is not what the reader declares`);
        });
      }
    }
  });
}

describe('the same witness under JSON would not arrive as itself', () => {
  it('a Date becomes a string and a Map an empty object: the codec is what makes these witnesses true', () => {
    const sent = { at: new Date('2024-01-01T00:00:00.000Z'), m: new Map([['a', 1]]) };
    assert.deepEqual(JSON.parse(JSON.stringify(sent)), { at: '2024-01-01T00:00:00.000Z', m: {} });
    const viaSuperjson = ROUND_TRIP.superjson(sent) as typeof sent;
    assert.ok(viaSuperjson.at instanceof Date && viaSuperjson.m instanceof Map);
  });
});
