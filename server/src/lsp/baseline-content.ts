import { readFileAtCommit } from '../baseline/git';
import type { BaselineRef } from '../shared/baseline-uri';

/**
 * A file's text at a commit, read relative to the project root so the path is right even when the root is a
 * sub-folder of the repository. Undefined when the file is not in that commit.
 */
export function readBaselineFile(ref: BaselineRef): Promise<string | undefined> {
  return readFileAtCommit(ref.root, ref.commit, ref.file);
}
