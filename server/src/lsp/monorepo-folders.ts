import { repoInfo } from '../baseline/git';
import { findProjectRoot } from '../project/project-root';
import { discoverProjects, type WorkspaceProject } from '../project/workspace-projects';

/**
 * The monorepo projects inside a workspace folder (tsconfig references, workspaces; see docs/monorepos.md), each
 * to be checked as a folder of its own, and the repository top their programs may read in. None for a folder
 * that is one project, or that is not in a git repository (its own check says why).
 */
export async function monorepoProjects(folderPath: string): Promise<{ projects: WorkspaceProject[]; workspaceRoot: string }> {
  let root: string;
  try {
    root = findProjectRoot(folderPath);
  } catch {
    return { projects: [], workspaceRoot: folderPath };
  }
  const projects = (await discoverProjects(root, folderPath)).filter((p) => p.dir !== folderPath && !p.name.startsWith('..'));
  if (!projects.length) return { projects, workspaceRoot: folderPath };
  const { top } = await repoInfo(folderPath);
  return { projects, workspaceRoot: top };
}
