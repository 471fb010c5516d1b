import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TempRepo, TSCONFIG } from './temp-repo';

// The shipped entry point, as `npx skew` runs it (npm test builds dist/ first).
const BIN = path.resolve(__dirname, '..', '..', 'bin', 'skew.js');
const CONTRACTS = 600;
// Long enough that every format's report is several times the 64 KB a pipe holds.
// A long field name makes each line of --fix's listing long too (it names the field).
const FIELD = `settlementCurrency${'AsAnIso4217AlphabeticCode'.repeat(8)}`;
const name = (i: number) => `OrderLifecycleEventWithAVeryDescriptiveName${String(i).padStart(4, '0')}`;

function messages(withCurrency: boolean): string {
  let text = '';
  for (let i = 0; i < CONTRACTS; i++) {
    text += `/** @wire */\nexport interface ${name(i)} {\n  id: string;\n  amount: number;\n${withCurrency ? `  ${FIELD}: string;\n` : ''}}\n`;
  }
  return text;
}

interface Run {
  code: number | null;
  stdout: Buffer;
  stderr: Buffer;
}

/**
 * Runs skew with stdout and stderr going to pipes whose readers are separate processes that only start reading
 * after two seconds: readers slower than the writer, as `skew check | jq` can be. A warm run has long exited
 * by then unless it waits for its readers, and then nothing but the 64 KB the OS pipe holds would arrive.
 */
async function runThroughSlowPipe(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-pipe-'));
  try {
    const slowReader = (file: string) => spawn('sh', ['-c', 'sleep 2; exec cat > "$0"', path.join(scratch, file)], { stdio: ['pipe', 'ignore', 'inherit'] });
    const readers = [slowReader('out'), slowReader('err')];
    const finished = readers.map((r) => new Promise<void>((resolve, reject) => r.on('error', reject).on('exit', () => resolve())));
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], {
        cwd,
        env: { ...process.env, NO_COLOR: '1', ...env },
        stdio: ['ignore', readers[0]!.stdin, readers[1]!.stdin],
      });
      child.on('error', reject).on('exit', resolve);
    });
    // Our own ends of the pipes, so the readers see end of file once skew has closed its ends.
    for (const r of readers) r.stdin.destroy();
    await Promise.all(finished);
    return { code, stdout: fs.readFileSync(path.join(scratch, 'out')), stderr: fs.readFileSync(path.join(scratch, 'err')) };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** The same run with stdout and stderr redirected to files: what the pipe must deliver byte for byte. */
async function runToFiles(args: string[], cwd: string, env: NodeJS.ProcessEnv, scratch: string): Promise<Run> {
  const name = args.join('-').replace(/[^a-z-]/gi, '');
  const out = path.join(scratch, `${name}.out`);
  const err = path.join(scratch, `${name}.err`);
  const outFd = fs.openSync(out, 'w');
  const errFd = fs.openSync(err, 'w');
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', outFd, errFd] });
    child.on('error', reject).on('exit', resolve);
  });
  fs.closeSync(outFd);
  fs.closeSync(errFd);
  return { code, stdout: fs.readFileSync(out), stderr: fs.readFileSync(err) };
}

describe('output through a slow pipe', () => {
  let repo: TempRepo;
  let env: NodeJS.ProcessEnv;
  before(() => {
    repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/messages.ts': messages(false) });
    repo.commit('v1');
    repo.tag('deployed');
    repo.write({ 'src/messages.ts': messages(true) });
    env = { SKEW_CACHE_DIR: repo.cacheDir, SKEW_DEBUG: '' };
  });
  after(() => repo.dispose());

  const FORMATS = ['text', 'json', 'markdown', 'sarif', 'github'];
  const runs = new Map<string, { file: Run; piped: Run }>();
  before(async () => {
    // One after the other to files first (the first also warms the cache, so every piped run is quick and
    // would exit long before its reader); then the piped runs together, as their readers only wait.
    const files = new Map<string, Run>();
    for (const format of FORMATS) files.set(format, await runToFiles(['check', '--format', format], repo.dir, env, repo.scratch));
    const piped = await Promise.all(FORMATS.map((format) => runThroughSlowPipe(['check', '--format', format], repo.dir, env)));
    FORMATS.forEach((format, i) => runs.set(format, { file: files.get(format)!, piped: piped[i]! }));
  });

  for (const format of FORMATS) {
    it(`${format}: the whole report arrives, the same bytes as in a file, exit 1`, () => {
      const { file, piped } = runs.get(format)!;
      assert.equal(file.code, 1, file.stderr.toString());
      assert.ok(file.stdout.length > 4 * 65536, `the ${format} report is only ${file.stdout.length} bytes`);
      assert.equal(piped.code, 1);
      assert.equal(piped.stdout.length, file.stdout.length, `${format}: ${piped.stdout.length} of ${file.stdout.length} bytes arrived`);
      assert.ok(piped.stdout.equals(file.stdout));
      assert.ok(piped.stderr.equals(file.stderr));
      if (format === 'json' || format === 'sarif') JSON.parse(piped.stdout.toString());
    });
  }

  it('--fix: the listing of what it changed arrives whole on stderr (json) and on stdout (text)', async () => {
    for (const format of ['json', 'text']) {
      repo.write({ 'src/messages.ts': messages(true) });
      const piped = await runThroughSlowPipe(['check', '--fix', '--format', format], repo.dir, env);
      assert.equal(piped.code, 0, piped.stderr.toString().slice(-2000));
      const listing = (format === 'json' ? piped.stderr : piped.stdout).toString();
      const fixed = listing.split('\n').filter((line) => line.startsWith('fixed src/messages.ts: '));
      assert.equal(fixed.length, CONTRACTS, `${format}: ${fixed.length} of ${CONTRACTS} fixes listed`);
      assert.ok(listing.length > 2 * 65536, `the listing is only ${listing.length} bytes`);
      if (format === 'json') JSON.parse(piped.stdout.toString());
    }
  });

  it('an error exits 2 with its message whole', async () => {
    // A baseline name from skew.json, longer than a pipe holds; the message repeats it.
    const ref = `no-such-tag-${'x'.repeat(100_000)}`;
    repo.write({ 'skew.json': JSON.stringify({ baseline: ref }) });
    try {
      const piped = await runThroughSlowPipe(['check'], repo.dir, env);
      assert.equal(piped.code, 2);
      const text = piped.stderr.toString();
      assert.match(text, /^skew: /);
      assert.ok(text.endsWith('\n') && text.includes(ref), `stderr was cut at ${text.length} characters`);
    } finally {
      repo.remove('skew.json');
    }
  });

  it('a reader that closes early ends the run without a crash', async () => {
    repo.write({ 'src/messages.ts': messages(true) });
    const child = spawn(process.execPath, [BIN, 'check', '--format', 'json'], { cwd: repo.dir, env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.doesNotMatch(stderr, /EPIPE|unexpected error|\n\s+at /);
    assert.ok(code === 1, `exit ${code}: ${stderr}`);
  });
});
