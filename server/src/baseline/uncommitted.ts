import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { git, gitMaybe } from './git';

/**
 * What `git status --untracked-files=all -- .` would count, found without `git status`: status hashes every
 * file whose stat data changed, and hashing runs the clean filter (`filter.<x>.clean` / `process`) that the
 * repository's .gitattributes and config name, i.e. a program a hostile repository chooses. Here git only
 * lists (ls-tree, ls-files: no content is hashed or converted) and the working-tree files are hashed in-process.
 *
 * Where it can differ from status: a file whose stat data changed and whose content git would convert on the
 * way in (a clean filter such as Git LFS, or CRLF normalisation) counts as changed, because knowing would mean
 * running the filter; a staged rename counts as one change only when the content is unchanged.
 */
export async function countUncommitted(root: string): Promise<number> {
  const [format, indexPath, staged, committed, untracked, fileMode] = await Promise.all([
    gitMaybe(root, ['rev-parse', '--show-object-format']),
    git(root, ['rev-parse', '--git-path', 'index']),
    git(root, ['ls-files', '-z', '--stage', '--debug', '--', '.']),
    // Fails in a repository without commits: everything in the index is then new.
    gitMaybe(root, ['ls-tree', '-r', '-z', 'HEAD', '--', '.']),
    git(root, ['ls-files', '-z', '--others', '--exclude-standard', '--', '.']),
    gitMaybe(root, ['config', '--bool', '--get', 'core.filemode']),
  ]);
  const algorithm = format?.trim() === 'sha256' ? 'sha256' : 'sha1';
  const indexMtimeNs = statNs(path.resolve(root, indexPath.trim()))?.mtimeNs ?? 0n;
  const index = parseStagedDebug(staged);
  const head = parseTree(committed ?? '');
  const changed = new Set<string>();

  const added = new Map<string, string>();
  for (const [file, entry] of index) {
    const before = head.get(file);
    if (entry.stage !== 0) changed.add(file);
    else if (!before) added.set(file, entry.sha);
    else if (before.sha !== entry.sha || before.mode !== entry.mode) changed.add(file);
  }
  const deletedShas = new Set<string>();
  for (const [file, { sha }] of head) {
    if (index.has(file)) continue;
    changed.add(file);
    deletedShas.add(sha);
  }
  // A staged pure rename is one change (status pairs it), not a deletion plus an addition.
  for (const [file, sha] of added) if (!deletedShas.delete(sha)) changed.add(file);

  for (const [file, entry] of index) {
    if (changed.has(file) || entry.stage !== 0 || entry.ignoresWorkTree || entry.mode === '160000') continue;
    if (workTreeDiffers(path.join(root, file), entry, { algorithm, indexMtimeNs, fileMode: fileMode?.trim() !== 'false' })) changed.add(file);
  }
  // Counted apart: a file removed from the index but still on disk is two records in status, a deletion and an
  // untracked file.
  return changed.size + untracked.split('\0').filter(Boolean).length;
}

interface IndexEntry {
  mode: string;
  sha: string;
  stage: number;
  mtimeSec: bigint;
  mtimeNsec: bigint;
  ino: bigint;
  size: bigint;
  /** skip-worktree (sparse checkout) or assume-unchanged: status does not look at the file either. */
  ignoresWorkTree: boolean;
}

const CE_VALID = 0x8000;
const CE_SKIP_WORKTREE = 0x40000000;

/**
 * `ls-files -z --stage --debug`: each `<mode> <sha> <stage>\t<path>` record ends in NUL and is followed by
 * five indented lines of stat data (ctime, mtime, dev/ino, uid/gid, size/flags) before the next record.
 */
export function parseStagedDebug(out: string): Map<string, IndexEntry> {
  const entries = new Map<string, IndexEntry>();
  let pos = 0;
  while (pos < out.length) {
    const nul = out.indexOf('\0', pos);
    if (nul < 0) break;
    const record = out.slice(pos, nul);
    let end = nul + 1;
    for (let i = 0; i < 5 && end > 0; i++) end = out.indexOf('\n', end) + 1;
    if (end <= 0) break;
    const debug = out.slice(nul + 1, end);
    pos = end;
    const tab = record.indexOf('\t');
    const [mode = '', sha = '', stage = '0'] = record.slice(0, tab).split(' ');
    const mtime = /mtime: (\d+):(\d+)/.exec(debug);
    const flags = parseInt(/flags: ([0-9a-f]+)/.exec(debug)?.[1] ?? '0', 16);
    entries.set(record.slice(tab + 1), {
      mode,
      sha,
      stage: Number(stage),
      mtimeSec: BigInt(mtime?.[1] ?? 0),
      mtimeNsec: BigInt(mtime?.[2] ?? 0),
      ino: BigInt(/ino: (\d+)/.exec(debug)?.[1] ?? 0),
      size: BigInt(/size: (\d+)/.exec(debug)?.[1] ?? 0),
      ignoresWorkTree: (flags & (CE_VALID | CE_SKIP_WORKTREE)) !== 0,
    });
  }
  return entries;
}

/** `ls-tree -r -z`: `<mode> <type> <sha>\t<path>` records. */
function parseTree(out: string): Map<string, { mode: string; sha: string }> {
  const entries = new Map<string, { mode: string; sha: string }>();
  for (const record of out.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', , sha = ''] = record.slice(0, tab).split(' ');
    entries.set(record.slice(tab + 1), { mode, sha });
  }
  return entries;
}

function statNs(abs: string): fs.BigIntStats | undefined {
  try {
    return fs.lstatSync(abs, { bigint: true });
  } catch {
    return undefined;
  }
}

function workTreeDiffers(abs: string, entry: IndexEntry, o: { algorithm: string; indexMtimeNs: bigint; fileMode: boolean }): boolean {
  const st = statNs(abs);
  if (!st) return true;
  const link = entry.mode === '120000';
  if (link !== st.isSymbolicLink() || (!link && !st.isFile())) return true;
  if (!link && o.fileMode && (entry.mode === '100755') !== ((st.mode & 0o100n) !== 0n)) return true;
  // git's own shortcut: unchanged stat data means unchanged content, unless the file was written in the same
  // instant as the index ("racily clean"); the index stores sizes modulo 2^32.
  const statSame =
    st.mtimeNs / 1_000_000_000n === entry.mtimeSec &&
    (entry.mtimeNsec === 0n || st.mtimeNs % 1_000_000_000n === entry.mtimeNsec) &&
    st.size % 2n ** 32n === entry.size &&
    (entry.ino === 0n || st.ino % 2n ** 32n === entry.ino);
  if (statSame && st.mtimeNs < o.indexMtimeNs) return false;
  try {
    return blobId(abs, link, st.size, o.algorithm) !== entry.sha;
  } catch {
    return true;
  }
}

/** git's object id for the file's bytes as they are (no filters): read in chunks, so a huge file costs no memory. */
function blobId(abs: string, link: boolean, size: bigint, algorithm: string): string | undefined {
  const hash = crypto.createHash(algorithm);
  if (link) {
    const target = fs.readlinkSync(abs, { encoding: 'buffer' });
    return hash.update(`blob ${target.length}\0`).update(target).digest('hex');
  }
  hash.update(`blob ${size}\0`);
  const fd = fs.openSync(abs, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const chunk = Buffer.alloc(1 << 20);
    let total = 0n;
    for (let n; (n = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0; total += BigInt(n)) hash.update(chunk.subarray(0, n));
    // Written to while being read: whatever it holds now is not what the index holds.
    return total === size ? hash.digest('hex') : undefined;
  } finally {
    fs.closeSync(fd);
  }
}
