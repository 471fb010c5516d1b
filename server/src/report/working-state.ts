import * as path from 'node:path';
import { git, gitMaybe } from '../baseline/git';
import { countUncommitted } from '../baseline/uncommitted';

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
 * Reads HEAD, the branch and the number of uncommitted files in the project folder (not with `git status`,
 * which runs the repository's clean filters: see countUncommitted). Never throws: a report without the
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
  const [head, branch, uncommitted] = await Promise.all([
    gitMaybe(root, ['rev-parse', '--verify', '--quiet', 'HEAD']).catch(() => undefined),
    gitMaybe(root, ['symbolic-ref', '--quiet', '--short', 'HEAD']).catch(() => undefined),
    countUncommitted(root).catch(() => undefined),
  ]);
  return {
    head: head?.trim() || undefined,
    branch: branch?.trim() || undefined,
    uncommitted,
    repoPrefix,
  };
}
