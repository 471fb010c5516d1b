import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixesFor, type FixInput } from '../../../server/src/fixes';
import { findingsBetween, packageJson } from '../adapters/adapter-helper';
import { projectErrors, syntaxErrors } from './compile-errors';
import { applyFixEdits } from './fix-harness';
import { parseFile } from '../../../server/src/contracts/parsed-file';

type Files = Record<string, string>;

const router = (procedures: string): Files => ({
  'package.json': packageJson('@trpc/server', 'zod'),
  'src/router.ts': `import { initTRPC } from '@trpc/server';
import { z } from 'zod';

const t = initTRPC.create();

export const appRouter = t.router({
  health: t.procedure.query(() => 'ok' as const),
  order: t.router({
    byId: t.procedure.input(z.string()).query(({ input }) => ({ id: input })),
${procedures}  }),
});

export type AppRouter = typeof appRouter;
`,
});

const CANCEL = `    cancel: t.procedure
      .input(z.object({ id: z.string(), reason: z.string().optional() }))
      .mutation(({ input }) => ({ id: input.id, cancelled: true })),
`;

const input = (before: Files, after: Files): FixInput => ({ newText: (f) => after[f], oldText: (f) => before[f], baselineLabel: 'deployed' });

/** The one safe fix for the finding on `path`, applied; the result must parse, type-check against the real @trpc/server and clear the finding. */
function restoreAndCheck(before: Files, after: Files, rule: string, path: string, restored = path): string {
  const finding = findingsBetween(before, after).find((f) => f.rule === rule && f.path === path);
  assert.ok(finding, `a ${rule} finding on ${path}`);
  const { fixes, unavailable } = fixesFor(finding, input(before, after));
  const safe = fixes.filter((f) => f.safe);
  assert.equal(safe.length, 1, JSON.stringify({ fixes: fixes.map((f) => f.title), unavailable }));
  const fixed = applyFixEdits(after, safe[0]!.edits);
  const text = fixed['src/router.ts']!;
  assert.deepEqual(syntaxErrors(parseFile('src/router.ts', text)), []);
  assert.deepEqual(projectErrors(fixed), projectErrors(after), `no new TypeScript error in:\n${text}`);
  // A rename restored is an addition: new clients still need new servers, which the finding on the new name says.
  const left = findingsBetween(before, fixed).filter((f) => (f.rule === rule && f.path === path) || f.path === restored);
  assert.deepEqual(left.map((f) => `${f.rule} ${f.path}`), [], `still reported after:\n${text}`);
  return text;
}

test('a removed tRPC procedure in a nested router comes back deprecated, as the baseline wrote it, at the end of its router', () => {
  const before = router(CANCEL);
  const after = router('');
  const text = restoreAndCheck(before, after, 'rpc-method-removed', 'order.cancel');
  assert.ok(
    text.includes(`    byId: t.procedure.input(z.string()).query(({ input }) => ({ id: input })),
    /** @deprecated still called by deployed clients */
${CANCEL}  }),`),
    text,
  );
});

test('a renamed tRPC procedure gets its old name back, deprecated in favour of the new one', () => {
  const before = router(CANCEL);
  const after = router(CANCEL.replace('cancel:', 'void:'));
  const text = restoreAndCheck(before, after, 'rpc-method-renamed', 'order.void', 'order.cancel');
  assert.match(text, /\/\*\* @deprecated use void; still called by deployed clients \*\/\n {4}cancel: t\.procedure\n/);
});

const ORPC = `import { os } from '@orpc/server';
import { z } from 'zod';

const Planet = z.object({ id: z.number(), name: z.string() });

export const router = {
  planet: {
    list: os.handler(() => [] as string[]),
    create: os.input(z.object({ name: z.string() })).output(Planet).handler(async ({ input }) => ({ id: 1, ...input })),
    moons: { count: os.input(z.number()).handler(() => 1) },
  },
  ping: os.handler(() => 'pong' as const),
};
`;

test('a removed oRPC procedure in a plain object router comes back deprecated in the same object', () => {
  const before = { 'package.json': packageJson('@orpc/server', 'zod'), 'src/router.ts': ORPC };
  const after = { ...before, 'src/router.ts': ORPC.replace(/ {4}create: .*\n/, '') };
  const text = restoreAndCheck(before, after, 'rpc-method-removed', 'planet.create');
  assert.match(text, /moons: \{ count: os\.input\(z\.number\(\)\)\.handler\(\(\) => 1\) \},\n {4}\/\*\* @deprecated still called by deployed clients \*\/\n {4}create: os\.input/);
});
