import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { TempRepo, TSCONFIG } from '../cli/temp-repo';

/**
 * Types built to exhaust time, memory or the stack. Each runs the built CLI in a child process with a heap cap
 * and a wall-clock kill: the bounds are checked by the process limits, and the verdict must be right — the
 * change found, or "could not be checked" with exit 2. Never exit 0 over a change it did not see.
 */
const BIN = path.resolve(__dirname, '..', '..', 'bin', 'skew.js');
const KILL_AFTER_MS = 60_000;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function runCapped(repo: TempRepo, heapMb: number): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [`--max-old-space-size=${heapMb}`, BIN, 'check', '--against', 'v1', '--format', 'json'],
      { cwd: repo.dir, env: { ...process.env, SKEW_DEBUG: '', NO_COLOR: '1', SKEW_CACHE_DIR: repo.cacheDir }, timeout: KILL_AFTER_MS, maxBuffer: 256 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const e = err as (Error & { code?: number | string; signal?: NodeJS.Signals }) | null;
        resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, signal: e?.signal ?? null, stdout, stderr });
      },
    );
  });
}

const repos: TempRepo[] = [];
after(() => repos.forEach((r) => r.dispose()));

/** A repository tagged v1 with `bomb(old)`, whose working tree holds `bomb(new)`. */
function bombRepo(bomb: (leaf: string) => string, oldLeaf = 'number', newLeaf = 'string'): TempRepo {
  const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/bomb.ts': bomb(oldLeaf) });
  repos.push(repo);
  repo.commit('v1');
  repo.tag('v1');
  repo.write({ 'src/bomb.ts': bomb(newLeaf) });
  return repo;
}

function assertBounded(run: Run): void {
  assert.equal(run.signal, null, `killed by ${run.signal} (time or memory bound)\n${run.stderr.slice(0, 2000)}`);
  assert.doesNotMatch(run.stderr, /unexpected error|heap out of memory|Maximum call stack/, run.stderr.slice(0, 2000));
}

function assertFound(run: Run, path: string): void {
  assertBounded(run);
  assert.equal(run.code, 1, run.stderr.slice(0, 2000));
  const report = JSON.parse(run.stdout) as { findings: { path: string }[] };
  assert.ok(report.findings.some((f) => f.path === path), `no finding at ${path}: ${run.stdout.slice(0, 2000)}`);
}

function assertNotChecked(run: Run, contract: string): void {
  assertBounded(run);
  assert.equal(run.code, 2, `exit ${run.code}\n${run.stderr.slice(0, 2000)}`);
  assert.match(run.stderr, new RegExp(`Contract '${contract}' could not be checked`));
}

const chain = (n: number) => (leaf: string) => {
  let text = '/** @wire */\nexport interface A1 { next: A2 }\n';
  for (let i = 2; i < n; i++) text += `export interface A${i} { next: A${i + 1} }\n`;
  return `${text}export interface A${n} { x: ${leaf} }\n`;
};

const doubling = (levels: number) => (leaf: string) => {
  let text = `export type L0 = { x: ${leaf} };\n`;
  for (let i = 1; i <= levels; i++) text += `export type L${i} = { a: L${i - 1}; b: L${i - 1} };\n`;
  return `${text}/** @wire */\nexport interface Root { top: L${levels} }\n`;
};

describe('type bombs (run the built CLI: npm run build first)', () => {
  it('a chain of 42 named interfaces: the leaf change is found', async () => {
    assertFound(await runCapped(bombRepo(chain(42)), 256), 'A1' + '.next'.repeat(41) + '.x');
  });

  it('a chain of 290 named interfaces: no stack overflow, the leaf change is found', async () => {
    assertFound(await runCapped(bombRepo(chain(290)), 256), 'A1' + '.next'.repeat(289) + '.x');
  });

  it('a chain of 3000 named interfaces (the limit is 300): could not be checked, exit 2', async () => {
    const repo = bombRepo(chain(3000), 'number', 'number');
    repo.write({ 'src/bomb.ts': chain(3000)('string') });
    assertNotChecked(await runCapped(repo, 256), 'A1');
  });

  it('a type holding a shared sub-type twice per level, 40 levels: linear, the leaf change is found', async () => {
    assertFound(await runCapped(bombRepo(doubling(40)), 256), 'Root.top' + '.a'.repeat(40) + '.x');
  });

  it('Deep<T, 2000> through a tuple counter: could not be checked, exit 2', async () => {
    const deep = (leaf: string) =>
      `type Deep<T, N extends number, C extends unknown[] = []> = C['length'] extends N ? T : { inner: Deep<T, N, [...C, 0]> };\n` +
      `/** @wire */\nexport interface Root { d: Deep<${leaf}, 2000> }\n`;
    // The baseline is the same bomb: refusing it is the right answer too, as long as it is not a pass.
    const run = await runCapped(bombRepo(deep, 'number', 'number'), 256);
    assertNotChecked(run, 'Root');
  });

  it('a working tree whose contract nests without end: could not be checked, exit 2, not a pass', async () => {
    const plain = (leaf: string) => `/** @wire */\nexport interface Root { i: ${leaf} }\n`;
    const repo = bombRepo(plain, 'number', 'number');
    repo.write({
      'src/bomb.ts': `type Inf<T> = T extends string ? { v: Inf<[T]> } : { w: Inf<T[]> };\n/** @wire */\nexport interface Root { i: number; j?: Inf<string> }\n`,
    });
    assertNotChecked(await runCapped(repo, 256), 'Root');
  });

  it('a generic interface that refers to a bigger instantiation of itself: could not be checked', async () => {
    const grow = (leaf: string) => `export interface G<T> { x: T; next: G<T[]> }\n/** @wire */\nexport interface Root { g: G<${leaf}> }\n`;
    const repo = bombRepo(grow, 'number', 'number');
    assertNotChecked(await runCapped(repo, 256), 'Root');
  });

  const digits = "type D = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';\n";

  it('a template literal past TypeScript\'s 100,000 members (TS2590): could not be checked, exit 2, not read as any', async () => {
    const plain = (leaf: string) => `/** @wire */\nexport interface Order { id: ${leaf} }\n`;
    const repo = bombRepo(plain, 'string', 'string');
    repo.write({ 'src/bomb.ts': `${digits}/** @wire */\nexport interface Order { id: \`\${D}\${D}\${D}\${D}\${D}\${D}\` }\n` });
    const run = await runCapped(repo, 256);
    assertNotChecked(run, 'Order');
    assert.match(run.stderr, /TS2590/);
  });

  it('an instantiation TypeScript stops 100 levels deep (TS2589): could not be checked, exit 2', async () => {
    const plain = (leaf: string) => `/** @wire */\nexport interface Root { w: ${leaf} }\n`;
    const repo = bombRepo(plain, 'string', 'string');
    repo.write({
      'src/bomb.ts': `type Wrap<T> = T extends string | unknown[] ? Wrap<[T]> | number : never;\n/** @wire */\nexport interface Root { w: Wrap<string> }\n`,
    });
    const run = await runCapped(repo, 256);
    assertNotChecked(run, 'Root');
    assert.match(run.stderr, /TS2589/);
  });

  it('a template literal under the limit checks normally: its change is found', async () => {
    const order = (leaf: string) => `${digits}/** @wire */\nexport interface Order { id: \`ord_\${string}\`; pin: \`\${D}-\${string}\`; n: ${leaf} }\n`;
    assertFound(await runCapped(bombRepo(order), 256), 'Order.n');
  });

  it('200,000 fields: the changed last field is found (TypeScript alone needs ~400 MB per version)', async () => {
    const many = (leaf: string) => {
      const fields: string[] = [];
      for (let i = 0; i < 199_999; i++) fields.push(`  f${i}: number;`);
      return `/** @wire */\nexport interface Big {\n${fields.join('\n')}\n  last: ${leaf};\n}\n`;
    };
    assertFound(await runCapped(bombRepo(many), 1536), 'Big.last');
  });
});
