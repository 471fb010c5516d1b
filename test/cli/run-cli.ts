import { execFile } from 'node:child_process';
import * as path from 'node:path';
import type { JsonReport } from '../../server/src/report/json';

const REPO = path.resolve(__dirname, '..', '..');
// The shipped entry point and bundle (`npm test` builds dist/ first), so these tests smoke-test what users run.
const CLI = path.join(REPO, 'bin', 'skew.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI in a child process, as a user would, with its own cache folder. */
export function runCli(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      {
        cwd: options.cwd,
        env: { ...process.env, SKEW_DEBUG: '', NO_COLOR: '1', ...options.env },
        maxBuffer: 64 * 1024 * 1024,
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** `skew check --format json`, parsed; fails loudly when stdout is not exactly one JSON document. */
export async function checkJson(dir: string, cacheDir: string, extra: string[] = [], env?: NodeJS.ProcessEnv): Promise<CliRun & { report: JsonReport }> {
  const run = await runCli(['check', '--format', 'json', ...extra], { cwd: dir, env: { SKEW_CACHE_DIR: cacheDir, ...env } });
  let report: JsonReport;
  try {
    report = JSON.parse(run.stdout) as JsonReport;
  } catch {
    throw new Error(`stdout is not one JSON document (exit ${run.code}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
  return { ...run, report };
}

/** An error run: exit 2 and exactly one `skew: ...` line on stderr, no stack trace. */
export function assertOneLineError(run: CliRun): string {
  const lines = run.stderr.trimEnd().split('\n');
  if (run.code !== 2 || lines.length !== 1 || !lines[0]!.startsWith('skew: ') || /\n\s+at /.test(run.stderr) || run.stdout !== '') {
    throw new Error(`expected exit 2 with one "skew:" line, got exit ${run.code}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
  return lines[0]!;
}
