import { execFile, execFileSync } from 'node:child_process';
import { SkewError } from '../project/errors';

/**
 * Plain C locale so the few stderr texts we recognise are not translated. GIT_OPTIONAL_LOCKS=0: `git status`
 * must not refresh and rewrite the user's index (a write into their repository, and it runs the
 * post-index-change hook).
 */
const GIT_ENV = { ...process.env, LC_ALL: 'C', LANG: 'C', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };
/**
 * The repository's own config must not make Skew run programs: `core.fsmonitor` names a command that
 * `ls-files` and `status` execute, and a folder opened in the editor (even an untrusted one) may carry any
 * .git/config. Skew only reads, so it loses nothing by turning it off.
 */
const SAFE_CONFIG = ['-c', 'core.fsmonitor=false'];
const MAX_BUFFER = 512 * 1024 * 1024;

/** A git command that ran but exited non-zero; callers decide whether that is an error. */
export class GitCommandFailed extends Error {
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} failed: ${stderr.trim() || `exit code ${exitCode}`}`);
  }
}

function translate(err: { code?: unknown }, args: readonly string[], cwd: string, stderr: string): Error {
  if (err.code === 'ENOENT') {
    return new SkewError('git-missing', 'git was not found on PATH: install git (https://git-scm.com) and try again');
  }
  if (/not a git repository/i.test(stderr)) {
    return new SkewError(
      'not-git-repo',
      `${cwd} is not inside a git repository: skew compares against a git tag, so run it in a git checkout (or git init and tag the deployed commit)`,
    );
  }
  return new GitCommandFailed(args, typeof err.code === 'number' ? err.code : null, stderr);
}

/** Runs git without a shell; resolves with stdout, rejects with SkewError or GitCommandFailed. */
export function git(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...SAFE_CONFIG, ...args], { cwd, env: GIT_ENV, maxBuffer: MAX_BUFFER, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) reject(translate(err, args, cwd, String(stderr ?? '')));
      else resolve(stdout);
    });
  });
}

/** Like `git`, but a non-zero exit is an expected answer (undefined), not an error. */
export async function gitMaybe(cwd: string, args: readonly string[]): Promise<string | undefined> {
  try {
    return await git(cwd, args);
  } catch (e) {
    if (e instanceof GitCommandFailed) return undefined;
    throw e;
  }
}

/** Synchronous read of one blob, for the rare file the TypeScript host asks for that was not pre-read. */
export function readBlobSync(cwd: string, sha: string): Buffer {
  return execFileSync('git', [...SAFE_CONFIG, 'cat-file', 'blob', sha], { cwd, env: GIT_ENV, maxBuffer: MAX_BUFFER });
}

export interface RepoInfo {
  /** Absolute path of the repository's top folder. */
  top: string;
  /** The folder's path inside the repository, posix, '' or ending with '/'. */
  prefix: string;
}

export async function repoInfo(cwd: string): Promise<RepoInfo> {
  const out = await git(cwd, ['rev-parse', '--show-toplevel', '--show-prefix']);
  const [top = '', prefix = ''] = out.split('\n');
  if (!top) {
    throw new SkewError('not-git-repo', `${cwd} is not inside a git work tree: run skew in a git checkout`);
  }
  return { top, prefix };
}

/** The commit a tag, branch or commit id names, or undefined when it does not exist. */
export async function resolveCommit(cwd: string, ref: string): Promise<string | undefined> {
  // A ref starting with '-' would be read as an option by git.
  if (!ref || ref.startsWith('-')) return undefined;
  const out = await gitMaybe(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  const sha = out?.trim();
  return sha || undefined;
}

export async function isShallow(cwd: string): Promise<boolean> {
  const out = await gitMaybe(cwd, ['rev-parse', '--is-shallow-repository']);
  return out?.trim() === 'true';
}

export async function listTags(cwd: string): Promise<string[]> {
  const out = await git(cwd, ['for-each-ref', '--format=%(refname:short)', 'refs/tags']);
  return out.split('\n').filter(Boolean);
}

export async function tagsPointingAt(cwd: string, commit: string): Promise<string[]> {
  const out = await gitMaybe(cwd, ['tag', '--points-at', commit]);
  return (out ?? '').split('\n').filter(Boolean);
}

/** Committer date in strict ISO 8601. */
export async function commitDate(cwd: string, commit: string): Promise<string> {
  const out = await git(cwd, ['show', '-s', '--format=%cI', commit]);
  return out.trim();
}
