/**
 * `npm run bench`: cold and warm `skew check` time as a ratio of `tsc --noEmit` on the same project, for a
 * generated codebase and for the Chrome DevTools Protocol's type declarations at two versions.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateProject } from './generate';
import { measureLatency, type Latency } from './latency';
import { skewServerRss, tsserverRss } from './memory';
import { generateAtScale } from './scaling';
import { measureWindow, printWindow } from './window';
import { editFor, generateContracts, type ContractStyle } from './schemas';

const here = resolve(__dirname, '..');
const work = join(here, 'bench/.work');
const cli = join(here, 'bin/skew.js');
const tsc = join(here, 'node_modules/typescript/bin/tsc');
const runs = Number(process.env.SKEW_BENCH_RUNS ?? 3);

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@skew.invalid', ...args], { cwd, stdio: 'pipe' });
}

function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): { ms: number; status: number | null; stdout: string } {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  return { ms, status: r.status, stdout: r.stdout };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function commitBaseline(dir: string): void {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'baseline');
  git(dir, 'tag', 'deployed');
}

interface Row {
  name: string;
  files: number;
  contracts: number;
  tscMs: number;
  coldMs: number;
  warmMs: number;
  editedMs: number;
  findings: number;
}

/**
 * cold: no cache at all. warm: the same command again, nothing changed (the baseline model and the working
 * tree's model both come from the cache). edited: the baseline is cached and one contract file was edited,
 * the usual case while working on a change.
 */
function measure(name: string, dir: string, files: number, contracts: number, editedFile: string, edit = (i: number) => `\n/** @wire */\nexport interface BenchEdit${i} {\n  id: string;\n}\n`): Row {
  const tscMs = median(Array.from({ length: runs }, () => timed(process.execPath, [tsc, '--noEmit', '-p', dir]).ms));
  const cold: number[] = [];
  const warm: number[] = [];
  const edited: number[] = [];
  let findings = 0;
  const target = join(dir, editedFile);
  const original = readFileSync(target, 'utf8');
  for (let i = 0; i < runs; i++) {
    const cache = join(work, `cache-${name}-${i}`);
    rmSync(cache, { recursive: true, force: true });
    const env = { SKEW_CACHE_DIR: cache };
    const first = timed(process.execPath, [cli, 'check', '--cwd', dir, '--format', 'json'], env);
    cold.push(first.ms);
    findings = (JSON.parse(first.stdout) as { findings: unknown[] }).findings.length;
    warm.push(timed(process.execPath, [cli, 'check', '--cwd', dir, '--format', 'json'], env).ms);
    writeFileSync(target, `${original}${edit(i)}`);
    try {
      edited.push(timed(process.execPath, [cli, 'check', '--cwd', dir, '--format', 'json'], env).ms);
    } finally {
      writeFileSync(target, original);
    }
  }
  return { name, files, contracts, tscMs, coldMs: median(cold), warmMs: median(warm), editedMs: median(edited), findings };
}

function generated(): Row {
  const dir = join(work, 'generated');
  rmSync(dir, { recursive: true, force: true });
  const shape = generateProject(dir, 'baseline');
  commitBaseline(dir);
  generateProject(dir, 'change');
  return measure('generated', dir, shape.files, shape.contracts, 'src/contracts/c50.ts');
}

function devtoolsProtocol(): Row {
  const dir = join(work, 'devtools-protocol');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const copyTypes = (pkg: string) => {
    for (const f of ['protocol.d.ts', 'protocol-proxy-api.d.ts']) {
      cpSync(join(here, 'node_modules', pkg, 'types', f), join(dir, f));
    }
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true }, files: ['protocol.d.ts', 'protocol-proxy-api.d.ts'] }, null, 2));
  writeFileSync(join(dir, 'skew.json'), JSON.stringify({ messages: ['protocol.d.ts'], services: ['protocol-proxy-api.d.ts'] }, null, 2));
  copyTypes('devtools-protocol-baseline');
  commitBaseline(dir);
  copyTypes('devtools-protocol');
  const contracts = Number(execFileSync('grep', ['-c', '^\\s*export \\(interface\\|type\\|enum\\|const enum\\)', join(dir, 'protocol.d.ts')], { encoding: 'utf8' }).trim());
  return measure('devtools-protocol', dir, 2, contracts, 'protocol.d.ts');
}

/** The same 200 messages as zod schemas and as interfaces (issue 11: schemas may cost at most 1.5× warm and edited). */
function contractStyle(style: ContractStyle): string {
  const dir = join(work, `contracts-${style}`);
  rmSync(dir, { recursive: true, force: true });
  generateContracts(dir, style, 'baseline');
  // The project's installed zod, as in any project that declares its contracts with it.
  if (style === 'schemas') symlinkSync(join(here, 'node_modules'), join(dir, 'node_modules'));
  commitBaseline(dir);
  generateContracts(dir, style, 'change');
  return dir;
}

/** CPU time (user + system) of this process's waited-for children so far, in ms; undefined off Linux. */
function childrenCpuMs(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

interface StyleRun {
  wall: { cold: number; warm: number; edited: number };
  cpu: { cold: number; warm: number; edited: number };
}

/** One cold, warm and edited `skew check` of a style's project, wall clock and CPU. */
function styleRun(style: ContractStyle, dir: string, i: number): StyleRun {
  const cache = join(work, `cache-zod-${style}-${i}`);
  rmSync(cache, { recursive: true, force: true });
  const env = { SKEW_CACHE_DIR: cache };
  const run = () => {
    const before = childrenCpuMs() ?? NaN;
    const { ms } = timed(process.execPath, [cli, 'check', '--cwd', dir, '--format', 'json'], env);
    return { ms, cpu: (childrenCpuMs() ?? NaN) - before };
  };
  const cold = run();
  const warm = run();
  const target = join(dir, 'src/m20.ts');
  const original = readFileSync(target, 'utf8');
  writeFileSync(target, `${original}${editFor(style, i)}`);
  let edited: { ms: number; cpu: number };
  try {
    edited = run();
  } finally {
    writeFileSync(target, original);
  }
  return { wall: { cold: cold.ms, warm: warm.ms, edited: edited.ms }, cpu: { cold: cold.cpu, warm: warm.cpu, edited: edited.cpu } };
}

/**
 * The two styles' runs alternate (schemas, interfaces, schemas, …) so a change in the machine's load falls on
 * both; CPU time is printed beside wall clock because it moves far less with the load. The language server's
 * incremental check (keystroke → diagnostics in an open project) is the other half of "incremental".
 */
async function printSchemaRatio(): Promise<void> {
  const dirs = { schemas: contractStyle('schemas'), interfaces: contractStyle('interfaces') };
  const runsOf: Record<ContractStyle, StyleRun[]> = { schemas: [], interfaces: [] };
  for (let i = 0; i < runs; i++) for (const style of ['schemas', 'interfaces'] as const) runsOf[style].push(styleRun(style, dirs[style], i));
  const med = (style: ContractStyle, of: 'wall' | 'cpu', k: 'cold' | 'warm' | 'edited') => median(runsOf[style].map((r) => r[of][k]));
  console.log('\nschema contracts vs the same 200 contracts as interfaces (median of %d alternated runs, ms)\n', runs);
  console.log('style        cold wall (cpu)   warm wall (cpu)   edited wall (cpu)');
  for (const style of ['schemas', 'interfaces'] as const) {
    const cell = (k: 'cold' | 'warm' | 'edited') => `${med(style, 'wall', k).toFixed(0).padStart(9)} (${med(style, 'cpu', k).toFixed(0).padStart(5)})`;
    console.log(`${style.padEnd(10)} ${cell('cold')}  ${cell('warm')}  ${cell('edited')}`);
  }
  const x = (of: 'wall' | 'cpu', k: 'cold' | 'warm' | 'edited') => `${(med('schemas', of, k) / med('interfaces', of, k)).toFixed(2)}×`;
  console.log(`schemas / interfaces, wall clock: cold ${x('wall', 'cold')}, warm ${x('wall', 'warm')}, edited ${x('wall', 'edited')}`);
  console.log(`schemas / interfaces, CPU:        cold ${x('cpu', 'cold')}, warm ${x('cpu', 'warm')}, edited ${x('cpu', 'edited')}`);
  const [schemas, interfaces] = [await measureLatency(dirs.schemas, 40, 'src/m16.ts'), await measureLatency(dirs.interfaces, 40, 'src/m16.ts')];
  const serverCpu = schemas.serverCpuMsPerEdit !== undefined && interfaces.serverCpuMsPerEdit !== undefined ? `; server CPU per edit ${schemas.serverCpuMsPerEdit.toFixed(0)} / ${interfaces.serverCpuMsPerEdit.toFixed(0)} ms = ${(schemas.serverCpuMsPerEdit / interfaces.serverCpuMsPerEdit).toFixed(2)}×` : '';
  console.log(`language server, keystroke → diagnostics, schemas / interfaces: p50 ${schemas.p50.toFixed(0)} / ${interfaces.p50.toFixed(0)} ms = ${(schemas.p50 / interfaces.p50).toFixed(2)}×, p95 ${(schemas.p95 / interfaces.p95).toFixed(2)}×${serverCpu}`);
  console.log('limit: 1.5× warm and edited (the CLI after a one-file edit starts a new process; the language server keeps its program)');
}

/** One large schema file, every export a message: the LSP types at two published versions (100 KB each). */
function largeSchema(): Row {
  const dir = join(work, 'large-schema');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const copy = (pkg: string) => cpSync(join(here, 'node_modules', pkg, 'lib/umd/main.d.ts'), join(dir, 'schema.d.ts'));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true }, files: ['schema.d.ts'] }, null, 2));
  writeFileSync(join(dir, 'skew.json'), JSON.stringify({ messages: ['schema.d.ts'] }, null, 2));
  copy('lsp-types-3.17.0');
  commitBaseline(dir);
  copy('lsp-types-3.17.5');
  const contracts = Number(execFileSync('grep', ['-c', '^\\s*export \\(declare \\)\\?\\(interface\\|type\\|namespace\\)', join(dir, 'schema.d.ts')], { encoding: 'utf8' }).trim());
  return measure('large-schema', dir, 1, contracts, 'schema.d.ts');
}

const ratio = (ms: number, base: number) => `${(ms / base).toFixed(3)}×`;

function printRows(rows: Row[]): void {
  console.log('project            files  contracts  findings   tsc ms   cold ms (ratio)     warm ms (ratio)   edited ms (ratio)   cold µs/contract');
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(18)} ${String(r.files).padStart(5)}  ${String(r.contracts).padStart(9)}  ${String(r.findings).padStart(8)}  ${r.tscMs.toFixed(0).padStart(7)}  ${r.coldMs.toFixed(0).padStart(7)} (${ratio(r.coldMs, r.tscMs)})  ${r.warmMs.toFixed(0).padStart(7)} (${ratio(r.warmMs, r.tscMs)})  ${r.editedMs.toFixed(0).padStart(7)} (${ratio(r.editedMs, r.tscMs)})  ${((r.coldMs * 1000) / r.contracts).toFixed(0).padStart(8)}`,
    );
  }
}

function latencyLine(what: string, l: Latency, cold: number): string {
  const cpu = l.serverCpuMsPerEdit === undefined ? '' : `; server CPU ${l.serverCpuMsPerEdit.toFixed(0)} ms per edit`;
  return `keystroke → diagnostics (${what}, ${l.samples} edits): p50 ${l.p50.toFixed(0)} ms (${((l.p50 / cold) * 100).toFixed(1)}% of cold), p95 ${l.p95.toFixed(0)} ms (${((l.p95 / cold) * 100).toFixed(1)}% of cold)${cpu}; aim p95 ≤ 5%`;
}

/** SKEW_BENCH_ONLY=main,scaling,memory,window,schemas picks sections; SKEW_BENCH_SCALES=500,2000 picks the scaling sizes. */
const sections = new Set((process.env.SKEW_BENCH_ONLY ?? 'main,scaling,memory,window,schemas').split(','));
const scales = (process.env.SKEW_BENCH_SCALES ?? '500,2000,10000').split(',').map(Number);

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  console.log('skew check vs tsc --noEmit (median of %d runs, wall clock, ms)\n', runs);
  if (sections.has('main')) {
    const generatedRow = generated();
    printRows([generatedRow, devtoolsProtocol(), largeSchema()]);
    console.log('\ncold: no cache; warm: run again, nothing changed; edited: baseline cached, one contract file edited');
    console.log('aims: cold ≤ 0.25× (generated), ≤ 0.5× (large-schema); warm ≤ 0.10×');
    console.log('\n' + latencyLine('generated project', await measureLatency(join(work, 'generated'), 100), generatedRow.coldMs));
  }
  if (sections.has('scaling')) {
    console.log('\nscaling (generated projects, about as many files as contracts):');
    const rows = scales.map((n) => {
      const point = generateAtScale(work, n, commitBaseline);
      return measure(`scale-${n}`, point.dir, point.files, point.contracts, 'src/contracts/c5.ts');
    });
    printRows(rows);
    const largest = rows[rows.length - 1];
    if (largest) console.log('\n' + latencyLine(`${largest.contracts} contracts`, await measureLatency(join(work, largest.name), 40), largest.coldMs));
  }
  if (sections.has('memory')) {
    const dir = join(work, 'generated');
    if (!sections.has('main')) generated();
    const file = join(dir, 'src/contracts/c12.ts');
    const skew = await skewServerRss(dir, file);
    const tsserver = await tsserverRss(dir, file);
    const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
    console.log(`\nlanguage server RSS after opening and editing a contract (generated project): skew ${mb(skew)}, tsserver (typescript-language-server) ${mb(tsserver)}: ${(skew / tsserver).toFixed(2)}×; aim ≤ 0.5×`);
  }
  if (sections.has('window')) printWindow(measureWindow(work, runs));
  if (sections.has('schemas')) await printSchemaRatio();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
