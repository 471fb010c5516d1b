/**
 * `node --import tsx bench/monorepo.ts` (after `npm run build`): a generated monorepo (a shared package of
 * messages, SERVICES services whose messages carry its types, all in project references) checked cold and warm by
 * one `skew check`, as a ratio of `tsc -b --force` on the same references, emitting declarations only (a
 * referenced project may not disable emit, so `tsc -b --noEmit` is refused). Not part of `npm run bench`: run it
 * when changing how projects are checked.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const here = resolve(__dirname, '..');
const work = join(here, 'bench/.work/monorepo');
const cli = join(here, 'bin/skew.js');
const tsc = join(here, 'node_modules/typescript/bin/tsc');
const SERVICES = Number(process.env.SKEW_BENCH_SERVICES ?? 6);
const SHARED_FILES = 40;
const SERVICE_FILES = 40;
const runs = Number(process.env.SKEW_BENCH_RUNS ?? 3);

function write(rel: string, text: string): void {
  mkdirSync(dirname(join(work, rel)), { recursive: true });
  writeFileSync(join(work, rel), text);
}

function git(...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@skew.invalid', ...args], { cwd: work, stdio: 'pipe' });
}

function generate(variant: 'baseline' | 'change'): void {
  const options = { target: 'ES2022', module: 'commonjs', strict: true, composite: true, skipLibCheck: true, emitDeclarationOnly: true };
  write('.gitignore', 'dist/\n*.tsbuildinfo\n.cache-*/\n');
  write('tsconfig.base.json', JSON.stringify({ compilerOptions: options }, null, 2));
  const project = (references: string[]) => JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { rootDir: 'src', outDir: 'dist' }, include: ['src'], references: references.map((path) => ({ path })) }, null, 2);
  const services = Array.from({ length: SERVICES }, (_, s) => `services/s${s}`);
  write('tsconfig.json', JSON.stringify({ files: [], references: ['packages/shared', ...services].map((path) => ({ path: `./${path}` })) }, null, 2));
  write('packages/shared/tsconfig.json', project([]));
  for (let f = 0; f < SHARED_FILES; f++) {
    const extra = variant === 'change' && f === 0 ? '  region?: string;\n' : '';
    write(`packages/shared/src/m${f}.ts`, `/** @wire */\nexport interface Shared${f} {\n  id: string;\n  at: number;\n${extra}}\n`);
  }
  for (const [s, dir] of services.entries()) {
    write(`${dir}/tsconfig.json`, project(['../../packages/shared']));
    for (let f = 0; f < SERVICE_FILES; f++) {
      const shared = (s * SERVICE_FILES + f) % SHARED_FILES;
      const amount = variant === 'change' && f === 0 ? 'string' : 'number';
      write(
        `${dir}/src/e${f}.ts`,
        `import type { Shared${shared} } from '../../../packages/shared/src/m${shared}';\n\n/** @wire */\nexport interface S${s}Event${f} {\n  id: string;\n  amount: ${amount};\n  shared: Shared${shared};\n}\n`,
      );
    }
  }
}

function timed(args: string[], env: NodeJS.ProcessEnv = {}): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
generate('baseline');
git('init', '-q', '-b', 'main');
git('add', '-A');
git('commit', '-q', '-m', 'baseline');
git('tag', 'deployed');
generate('change');

const tscMs = median(Array.from({ length: runs }, () => timed([tsc, '-b', work, '--force'])));
const cold: number[] = [];
const warm: number[] = [];
for (let i = 0; i < runs; i++) {
  const env = { SKEW_CACHE_DIR: join(work, `.cache-${i}`) };
  cold.push(timed([cli, 'check', '--cwd', work, '--format', 'json'], env));
  warm.push(timed([cli, 'check', '--cwd', work, '--format', 'json'], env));
}
const files = 1 + SHARED_FILES + SERVICES * SERVICE_FILES;
const ratio = (ms: number) => (ms / tscMs).toFixed(2);
console.log(`monorepo: ${SERVICES + 1} projects, ${files} files; tsc -b ${tscMs.toFixed(0)} ms`);
console.log(`  skew check cold ${median(cold).toFixed(0)} ms (${ratio(median(cold))}× tsc -b), warm ${median(warm).toFixed(0)} ms (${ratio(median(warm))}× tsc -b)`);
