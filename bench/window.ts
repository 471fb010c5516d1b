/**
 * The release window's cost: `skew check` against three live versions that share most files, as a ratio of the
 * same check against one of them. Each live version is a commit of the generated project with a few contract
 * files changed. Run alone with `node --import tsx bench/window.ts` (after `npm run build`), or in `npm run bench`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateProject } from './generate';

const here = resolve(__dirname, '..');
const cli = join(here, 'bin/skew.js');

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@skew.invalid', ...args], { cwd, stdio: 'pipe' });

function timedCheck(dir: string, cache: string, against: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, 'check', '--cwd', dir, '--format', 'json', ...against.flatMap((a) => ['--against', a])], {
    env: { ...process.env, SKEW_CACHE_DIR: cache },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`check failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export interface WindowRow {
  oneCold: number;
  threeCold: number;
  oneWarm: number;
  threeWarm: number;
}

export function measureWindow(work: string, runs: number): WindowRow {
  const dir = join(work, 'window');
  rmSync(dir, { recursive: true, force: true });
  generateProject(dir, 'baseline');
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'v1');
  git(dir, 'tag', 'v1.0.0');
  // Two more live versions, each a few contract files apart from the one before.
  for (const [tag, files] of [
    ['v1.1.0', [3, 40]],
    ['v1.2.0', [41, 77]],
  ] as const) {
    for (const f of files) appendFileSync(join(dir, `src/contracts/c${f}.ts`), `\n/** @wire */\nexport interface Added${tag.replace(/\W/g, '')}_${f} {\n  id: string;\n}\n`);
    git(dir, 'commit', '-q', '-am', tag);
    git(dir, 'tag', tag);
  }
  generateProject(dir, 'change');
  const versions = ['v1.2.0', 'v1.1.0', 'v1.0.0'];
  const samples = { oneCold: [] as number[], threeCold: [] as number[], oneWarm: [] as number[], threeWarm: [] as number[] };
  for (let i = 0; i < runs; i++) {
    const one = join(work, `cache-window-one-${i}`);
    const three = join(work, `cache-window-three-${i}`);
    rmSync(one, { recursive: true, force: true });
    rmSync(three, { recursive: true, force: true });
    samples.oneCold.push(timedCheck(dir, one, versions.slice(0, 1)));
    samples.threeCold.push(timedCheck(dir, three, versions));
    samples.oneWarm.push(timedCheck(dir, one, versions.slice(0, 1)));
    samples.threeWarm.push(timedCheck(dir, three, versions));
  }
  return { oneCold: median(samples.oneCold), threeCold: median(samples.threeCold), oneWarm: median(samples.oneWarm), threeWarm: median(samples.threeWarm) };
}

export function printWindow(r: WindowRow): void {
  const x = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  console.log('\nrelease window (generated project, 3 live versions a few contract files apart), median ms');
  console.log(`cold: one version ${r.oneCold.toFixed(0)}, three ${r.threeCold.toFixed(0)} (${x(r.threeCold, r.oneCold)})`);
  console.log(`warm: one version ${r.oneWarm.toFixed(0)}, three ${r.threeWarm.toFixed(0)} (${x(r.threeWarm, r.oneWarm)})`);
  console.log('aim: three versions < 2× one');
}

if (require.main === module) {
  const work = join(here, 'bench/.work');
  mkdirSync(work, { recursive: true });
  printWindow(measureWindow(work, Number(process.env.SKEW_BENCH_RUNS ?? 3)));
}
