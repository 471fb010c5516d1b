import { execFile, execFileSync } from 'node:child_process';
import { SkewError } from '../common/errors';

/**
 * Plain C locale so the few stderr texts we recognise are not translated. GIT_OPTIONAL_LOCKS=0: no command may
 * refresh and rewrite the user's index (a write into their repository, and it runs the post-index-change hook).
 * GIT_PAGER=cat: a pager is a program the config names (`core.pager`, `pager.<cmd>`); the variable outranks both.
 * GIT_NO_LAZY_FETCH=1: in a partial clone, reading a missing object would fetch it from the promisor remote,
 * which runs ssh, credential helpers or the remote's upload-pack (git 2.45+ honours it; see SAFE_CONFIG too).
 */
export const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  LC_ALL: 'C',
  LANG: 'C',
  GIT_TERMINAL_PROMPT: '0',
  GIT_OPTIONAL_LOCKS: '0',
  GIT_PAGER: 'cat',
  GIT_NO_LAZY_FETCH: '1',
};
/**
 * A repository's own config (and any file it includes with `include.path` / `includeIf`) must not make Skew
 * run programs: a folder opened in the editor, even an untrusted one, may carry any .git/config. `-c` values
 * are read after every config file, so they win. Skew only reads with plumbing commands (rev-parse, ls-tree,
 * ls-files, cat-file, for-each-ref, config), none of which diff, check out or hash working-tree files, so
 * filters (`filter.<x>.clean/smudge/process`), textconv, `diff.external`, editors and
 * `core.alternateRefsCommand` are never reached; the keys below cover what those commands could still run.
 */
const SAFE_CONFIG = [
  // Pagers only start on a terminal, and Skew's stdout is a pipe; this says so outright.
  '--no-pager',
  // `ls-files` asks the fsmonitor command for changed paths.
  '-c', 'core.fsmonitor=false',
  // No command Skew runs writes the index or refs, so no hook fires; a hooks folder that cannot exist makes sure.
  '-c', 'core.hooksPath=/dev/null',
  // Showing a signature runs `gpg.program` (or `gpg.<format>.program`); Skew reads commits with cat-file anyway.
  '-c', 'log.showSignature=false',
  // A lazy fetch in a partial clone (older git ignores GIT_NO_LAZY_FETCH) would run `core.sshCommand`,
  // `core.gitProxy`, `remote.<name>.uploadpack` (through a shell, for a local remote), credential helpers and
  // `core.askPass`. Skew never needs the network: every transport is refused, each by name because
  // `protocol.<name>.allow` in the repository would outrank the general `protocol.allow`.
  '-c', 'protocol.allow=never',
  ...['file', 'git', 'ssh', 'http', 'https', 'ext'].flatMap((p) => ['-c', `protocol.${p}.allow=never`]),
  // An empty helper clears the list the config files built.
  '-c', 'credential.helper=',
];

/** The argument list for running git with `args` under SAFE_CONFIG: every git Skew starts goes through it. */
export const gitArgv = (args: readonly string[]): string[] => [...SAFE_CONFIG, ...args];
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

/** Turns a failed git run into the error a user can act on; exported for the cat-file process and tests. */
export function translate(err: { code?: unknown }, args: readonly string[], cwd: string, stderr: string): Error {
  if (err.code === 'ENOENT') {
    return new SkewError('git-missing', 'git was not found on PATH: install git (https://git-scm.com) and try again');
  }
  // Only a ref comes from the user unbounded: file paths and object ids are short.
  if (err.code === 'E2BIG' || err.code === 'ENAMETOOLONG') {
    return new SkewError(
      'ref-not-found',
      'the baseline ref is longer than the system lets a program argument be, so it is not a ref name: check --against or "baseline" in skew.json',
    );
  }
  // GIT_NO_LAZY_FETCH and the refused transports stop a partial clone from downloading what it lacks.
  if (/could not fetch \S+ from promisor remote/.test(stderr)) {
    return new SkewError(
      'git-failed',
      `this partial clone (${cwd}) lacks objects Skew needs, and Skew downloads nothing: fetch them with git (or use a full clone) and try again`,
    );
  }
  // git refuses a repository owned by another user (safe.directory); only the user can decide to trust it.
  const dubious = /detected dubious ownership in repository at '([^'\n]*)'/.exec(stderr);
  if (dubious) {
    const where = dubious[1] || cwd;
    return new SkewError(
      'git-failed',
      `git refuses to read ${where} because another user owns it ("dubious ownership"); if you trust it, run git config --global --add safe.directory ${where}`,
    );
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
    try {
      execFile('git', gitArgv(args), { cwd, env: GIT_ENV, maxBuffer: MAX_BUFFER, encoding: 'utf8' }, (err, stdout, stderr) => {
        if (err) reject(translate(err, args, cwd, String(stderr ?? '')));
        else resolve(stdout);
      });
    } catch (e) {
      // Some spawn failures (E2BIG) are thrown rather than passed to the callback.
      reject(translate(e as { code?: unknown }, args, cwd, ''));
    }
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
  const args = ['cat-file', 'blob', sha];
  try {
    return execFileSync('git', gitArgv(args), { cwd, env: GIT_ENV, maxBuffer: MAX_BUFFER, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { code?: unknown; status?: unknown; stderr?: Buffer | string };
    throw translate({ code: err.code ?? err.status }, args, cwd, err.stderr?.toString() ?? '');
  }
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
  // for-each-ref rather than the porcelain `git tag`, which reads more of the config (columns, pager, sorting).
  const out = await gitMaybe(cwd, ['for-each-ref', '--format=%(refname:short)', `--points-at=${commit}`, 'refs/tags']);
  return (out ?? '').split('\n').filter(Boolean);
}

/**
 * Committer date in strict ISO 8601 (what `%cI` prints), read from the raw commit object: `git show` or
 * `git log` would verify a `gpgsig` header by running `gpg.program` when the config sets `log.showSignature`.
 */
export async function commitDate(cwd: string, commit: string): Promise<string> {
  return committerDate(await git(cwd, ['cat-file', 'commit', commit]));
}

/** The committer line's date of a raw commit object, as `2024-05-01T12:00:00+02:00`. */
export function committerDate(raw: string): string {
  const end = raw.indexOf('\n\n');
  const headers = end < 0 ? raw : raw.slice(0, end);
  const line = headers.split('\n').find((l) => l.startsWith('committer '));
  const m = line && / (\d+) ([+-])(\d\d)(\d\d)$/.exec(line);
  if (!m) throw new SkewError('git-failed', 'a commit without a readable committer date: check the repository with git fsck');
  const [, seconds, sign, hh, mm] = m;
  const offsetMinutes = (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm));
  const local = new Date((Number(seconds) + offsetMinutes * 60) * 1000);
  if (Number.isNaN(local.getTime())) throw new SkewError('git-failed', 'a commit with an impossible committer date: check the repository with git fsck');
  // git prints a zero offset as +00:00 whichever sign the object has.
  return `${local.toISOString().slice(0, 19)}${offsetMinutes < 0 ? '-' : '+'}${hh}:${mm}`;
}

/** Whether `ancestor` is `descendant` or one of its ancestors (`git merge-base --is-ancestor`). */
export async function isAncestor(cwd: string, ancestor: string, descendant: string): Promise<boolean> {
  if (ancestor.startsWith('-') || descendant.startsWith('-')) return false;
  return (await gitMaybe(cwd, ['merge-base', '--is-ancestor', ancestor, descendant])) !== undefined;
}

/**
 * Tags whose commit HEAD reaches; with `since`, only those that also contain that commit (tags cut at or after
 * it on this line of history).
 */
export async function tagsMergedIntoHead(cwd: string, since?: string): Promise<string[]> {
  const args = ['for-each-ref', '--format=%(refname:short)', '--merged=HEAD'];
  if (since) args.push(`--contains=${since}`);
  const out = await gitMaybe(cwd, [...args, 'refs/tags']);
  return (out ?? '').split('\n').filter(Boolean);
}

/**
 * Creates a lightweight tag on HEAD (the editor's "Tag HEAD as deployed"). Never moves an existing tag: a tag
 * someone else put on the deployed commit must not be overwritten from an editor button.
 */
export async function tagHead(cwd: string, tag: string): Promise<void> {
  if (!/^[\w][\w.-]*$/.test(tag)) throw new SkewError('git-failed', `\`${tag}\` is not a tag name Skew creates`);
  if (await resolveCommit(cwd, `refs/tags/${tag}`)) throw new SkewError('git-failed', `the tag \`${tag}\` exists already; move it with git if HEAD is what is deployed`);
  const head = await resolveCommit(cwd, 'HEAD');
  if (!head) throw new SkewError('git-failed', 'this repository has no commit to tag yet');
  // update-ref rather than the porcelain `git tag`, which may start a signing program from the config; the empty
  // old value makes git refuse if the tag appeared meanwhile.
  await git(cwd, ['update-ref', `refs/tags/${tag}`, head, '']);
}
