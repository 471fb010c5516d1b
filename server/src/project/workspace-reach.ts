import * as path from 'node:path';
import { repoInfo } from '../baseline/git';
import { SkewError } from '../common/errors';

/**
 * A monorepo package's workspace root as its trees need it: the folder on disk and its path inside the
 * repository. Undefined when there is none, or when it is the project root itself (nothing above to read).
 */
export async function workspaceReach(root: string, workspaceRoot: string | undefined): Promise<{ root: string; prefix: string } | undefined> {
  if (workspaceRoot === undefined) return undefined;
  const outer = path.resolve(workspaceRoot);
  if (outer === root) return undefined;
  const rel = path.relative(outer, root);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new SkewError('bad-project', `${root} is not inside the workspace ${outer}: pass a --project inside the repository`);
  }
  const { prefix } = await repoInfo(outer);
  return { root: outer, prefix };
}
