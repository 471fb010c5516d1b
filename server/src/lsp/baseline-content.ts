import { git, GitCommandFailed } from '../baseline/git';
import type { BaselineRef } from './baseline-uri';

/**
 * A file's text at a commit, read with `git show <commit>:./<path>` from the project root so the path is taken
 * relative to the root even when the root is a sub-folder of the repository. Undefined when the file is not in
 * that commit.
 */
export async function readBaselineFile(ref: BaselineRef): Promise<string | undefined> {
  try {
    return await git(ref.root, ['show', `${ref.commit}:./${ref.file}`]);
  } catch (e) {
    if (e instanceof GitCommandFailed) return undefined;
    throw e;
  }
}
