import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoInfo } from '../baseline/git';
import type { CheckedWithModels } from '../report/check-result';
import { isBreaking } from '../report/live-versions';
import type { Finding } from '../rules';
import { checkWithModels } from './check-once';
import type { SessionOptions } from './session';
import type { WorkspaceProject } from './workspace-projects';

export interface ProjectChecked {
  project: WorkspaceProject;
  checked: CheckedWithModels;
}

/**
 * Checks each project of a monorepo against the baseline view of its own files, one after the other in this
 * process: every project's program reads the whole repository's files at the same commit (a package's imports of
 * its siblings resolve as on disk), and a file with the same path and text is parsed once for all of them (see
 * contracts/compiler-host.ts). `check` is the one check of one project (the CLI's, or `--fix`'s).
 */
export async function checkProjects(
  projects: readonly WorkspaceProject[],
  options: SessionOptions,
  check: (options: SessionOptions) => Promise<CheckedWithModels> = checkWithModels,
): Promise<ProjectChecked[]> {
  const first = projects[0];
  if (!first) return [];
  const { top } = await repoInfo(first.dir);
  const checked: ProjectChecked[] = [];
  for (const project of projects) {
    checked.push({ project, checked: await check({ ...options, cwd: project.dir, workspaceRoot: top }) });
  }
  return reportedOnce(checked);
}

/**
 * A contract is reported by one project only, though several may read its file (a folder nested in another
 * project's, a symlink into a shared package): the project that owns the file, the deepest project folder holding
 * its real location; when no project folder holds it, the first project (in name order) that found it.
 */
export function reportedOnce(checked: readonly ProjectChecked[]): ProjectChecked[] {
  const dirs = checked.map((c) => realFolder(c.project.dir));
  const ownerOf = (file: string): number => {
    let best = -1;
    dirs.forEach((dir, i) => {
      if (isWithin(dir, file) && (best < 0 || dir.length > dirs[best]!.length)) best = i;
    });
    return best;
  };
  const claimed = new Map<string, number>();
  return checked.map((entry, i) => {
    const keep = (f: Finding): boolean => {
      const file = contractFile(entry.checked, f);
      if (file === undefined) return true;
      const real = realFile(path.resolve(entry.checked.result.root, file));
      const owner = ownerOf(real);
      if (owner >= 0) return owner === i;
      const key = `${real}\0${f.contract}\0${f.rule}\0${f.path}`;
      const first = claimed.get(key);
      if (first === undefined) claimed.set(key, i);
      return first === undefined || first === i;
    };
    const findings = entry.checked.result.findings.filter(keep);
    const suppressed = entry.checked.result.suppressed.filter(keep);
    if (findings.length === entry.checked.result.findings.length && suppressed.length === entry.checked.result.suppressed.length) return entry;
    const result = {
      ...entry.checked.result,
      findings,
      suppressed,
      summary: { ...entry.checked.result.summary, breaking: findings.filter(isBreaking).length, suppressed: suppressed.length },
    };
    return { project: entry.project, checked: { ...entry.checked, result } };
  });
}

/** The file (relative to the project root) that declares a finding's contract, in either version. */
function contractFile(checked: CheckedWithModels, f: Finding): string | undefined {
  const working = checked.models?.working.contracts[f.contract];
  if (working) return working.loc.file;
  for (const model of checked.baselineModels?.values() ?? []) {
    const contract = model.contracts[f.contract];
    if (contract) return contract.loc.file;
  }
  return undefined;
}

const isWithin = (dir: string, file: string): boolean => file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);

function realFolder(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return dir;
  }
}

/** A deleted file has no real location: its folder's stands for it. */
function realFile(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.join(realFolder(path.dirname(file)), path.basename(file));
  }
}
