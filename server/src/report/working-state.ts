import * as path from 'node:path';
import { git, gitMaybe } from '../baseline/git';

/** What the working tree was when the report was made: the check compares it, not HEAD. */
export interface WorkingState {
  /** HEAD's commit id; undefined in a repository without commits. */
  head?: string;
  /** The current branch; undefined on a detached HEAD. */
  branch?: string;
  /** Files under the project with uncommitted changes (untracked ones included); undefined when git could not say. */
  uncommitted?: number;
  /** Open editor buffers that differ from disk; the editor's check includes them (absent for the CLI). */
  unsaved?: number;
  /** The project's folder inside the repository, posix, '' or ending with '/' (SARIF and annotations need repo paths). */
  repoPrefix: string;
}

/**
 * Reads HEAD, the branch and `git status` for the project folder only. Never throws: a report without the
 * working-tree line is better than no report.
 */
export async function readWorkingState(root: string): Promise<WorkingState> {
  let repoPrefix = '';
  try {
    const [top = ''] = (await git(root, ['rev-parse', '--show-toplevel'])).split('\n');
    const rel = path.relative(top, root).split(path.sep).join('/');
    repoPrefix = rel && !rel.startsWith('..') ? `${rel}/` : '';
  } catch {
    return { repoPrefix };
  }
  const [head, branch, status] = await Promise.all([
    gitMaybe(root, ['rev-parse', '--verify', '--quiet', 'HEAD']).catch(() => undefined),
    gitMaybe(root, ['symbolic-ref', '--quiet', '--short', 'HEAD']).catch(() => undefined),
    // `-- .` limits it to the project folder; -z keeps odd file names on one record each.
    gitMaybe(root, ['status', '--porcelain', '-z', '--untracked-files=all', '--', '.']).catch(() => undefined),
  ]);
  return {
    head: head?.trim() || undefined,
    branch: branch?.trim() || undefined,
    uncommitted: status === undefined ? undefined : countStatusRecords(status),
    repoPrefix,
  };
}

/** `git status --porcelain -z`: a rename is two NUL-separated paths but one change. */
export function countStatusRecords(out: string): number {
  const parts = out.split('\0');
  let count = 0;
  for (let i = 0; i < parts.length; i++) {
    const record = parts[i]!;
    if (record.length < 4) continue;
    count++;
    if (record.startsWith('R') || record.startsWith('C')) i++;
  }
  return count;
}
