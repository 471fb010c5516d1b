import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { git, repoInfo } from '../baseline/git';
import { SkewError } from '../common/errors';
import { CONFIG_FILE_LIMIT, readTextFile, withoutBom } from '../common/safe-read';
import { folderHasContracts } from './has-contracts';
import { loadAnalysis } from './load-analysis';
import { findProjectRoot } from './project-root';

const TSCONFIG = 'tsconfig.json';

/** One TypeScript project of a monorepo: a folder with its own tsconfig.json. */
export interface WorkspaceProject {
  /** Absolute folder. */
  dir: string;
  /** The folder relative to where the check started, posix ('.' for that folder itself): how reports name it. */
  name: string;
}

/**
 * The projects `--project` names: a folder holding tsconfig.json, or that file itself. Anything else is a
 * mistake to stop at: skew reads a project's options from its tsconfig.json.
 */
export function namedProjects(paths: readonly string[], cwd: string): WorkspaceProject[] {
  const found = paths.map((given) => {
    const abs = path.resolve(cwd, given);
    const stat = statOf(abs);
    if (stat?.isDirectory()) {
      if (!statOf(path.join(abs, TSCONFIG))?.isFile()) throw new SkewError('bad-project', `--project ${given}: no ${TSCONFIG} in ${abs}; pass a folder that holds one, or its ${TSCONFIG}`);
      return abs;
    }
    if (stat?.isFile()) {
      if (path.basename(abs) !== TSCONFIG) throw new SkewError('bad-project', `--project ${given} is not a ${TSCONFIG}: pass a project folder or its ${TSCONFIG}`);
      return path.dirname(abs);
    }
    throw new SkewError('bad-project', `--project ${given}: ${abs} does not exist; pass a project folder or its ${TSCONFIG}`);
  });
  return unique(found).map((dir) => ({ dir, name: nameOf(cwd, dir) }));
}

/**
 * The monorepo's projects that declare contracts, found from `root`: its tsconfig's project references
 * (followed transitively, as `tsc -b` does) and its package.json workspaces (npm, yarn) or pnpm-workspace.yaml,
 * each workspace folder that holds a tsconfig.json. Empty when `root` is a single project.
 */
export async function discoverProjects(root: string, cwd: string): Promise<WorkspaceProject[]> {
  const dirs = [...referencedProjects(root), ...(await workspaceFolders(root))].filter((dir) => dir !== root);
  return unique(dirs)
    .filter((dir) => statOf(path.join(dir, TSCONFIG))?.isFile() && folderHasContracts(dir))
    .map((dir) => ({ dir, name: nameOf(cwd, dir) }));
}

/** Every project reachable through `references` from the tsconfig.json in `root`. */
function referencedProjects(root: string): string[] {
  const seen = new Set<string>([root]);
  const pending = [root];
  const found: string[] = [];
  while (pending.length) {
    const dir = pending.shift()!;
    for (const ref of referencesOf(dir)) {
      if (seen.has(ref)) continue;
      seen.add(ref);
      found.push(ref);
      pending.push(ref);
    }
  }
  return found;
}

/** The folders a tsconfig.json's `references` name (a reference may name the folder or a config file in it). */
function referencesOf(dir: string): string[] {
  const file = path.join(dir, TSCONFIG);
  const text = readOptional(file);
  // Most projects have none: the compiler (for tsconfig's comments and trailing commas) loads only for those that might.
  if (text === undefined || !/"references"\s*:/.test(text)) return [];
  const config = loadAnalysis().readJsonWithComments(file, text);
  const references = isObject(config) ? config.references : undefined;
  if (!Array.isArray(references)) return [];
  const dirs: string[] = [];
  for (const ref of references) {
    if (!isObject(ref) || typeof ref.path !== 'string') continue;
    const target = path.resolve(dir, ref.path);
    dirs.push(statOf(target)?.isFile() ? path.dirname(target) : target);
  }
  return dirs;
}

/** Folders that package.json `workspaces` or pnpm-workspace.yaml `packages` name, as globs over the repository's folders. */
async function workspaceFolders(root: string): Promise<string[]> {
  const globs = [...workspaceGlobs(readOptional(path.join(root, 'package.json'))), ...pnpmGlobs(readOptional(path.join(root, 'pnpm-workspace.yaml')))];
  if (!globs.length) return [];
  const include = globs.filter((g) => !g.startsWith('!')).map(cleanGlob);
  const exclude = globs.filter((g) => g.startsWith('!')).map((g) => cleanGlob(g.slice(1)));
  if (!include.length) return [];
  const matches = picomatch(include);
  const excluded = exclude.length ? picomatch(exclude) : () => false;
  // Folders with a package.json that git knows of (committed or not ignored): node_modules and build output stay out.
  const out = await git(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', 'package.json', '*/package.json']);
  const folders = out
    .split('\0')
    .filter((rel) => rel && path.posix.basename(rel) === 'package.json' && !/(^|\/)node_modules\//.test(rel))
    .map((rel) => path.posix.dirname(rel))
    .filter((rel) => rel !== '.' && matches(rel) && !excluded(rel))
    .sort();
  return folders.map((rel) => path.join(root, rel));
}

function workspaceGlobs(packageJson: string | undefined): string[] {
  if (packageJson === undefined) return [];
  let data: unknown;
  try {
    data = JSON.parse(withoutBom(packageJson));
  } catch {
    return [];
  }
  if (!isObject(data)) return [];
  // npm and yarn: an array; yarn 1 also { "packages": [...] }.
  const workspaces = isObject(data.workspaces) ? data.workspaces.packages : data.workspaces;
  return Array.isArray(workspaces) ? workspaces.filter((g): g is string => typeof g === 'string' && g.length > 0) : [];
}

/** The `packages:` list of pnpm-workspace.yaml: one quoted or bare glob per `- ` line. */
function pnpmGlobs(yaml: string | undefined): string[] {
  if (yaml === undefined) return [];
  const globs: string[] = [];
  let inPackages = false;
  for (const line of withoutBom(yaml).split(/\r?\n/)) {
    if (/^\S/.test(line)) inPackages = /^packages\s*:\s*$/.test(line);
    else if (inPackages) {
      const item = /^\s+-\s+(?:'([^']*)'|"([^"]*)"|([^#\s]+))/.exec(line);
      const glob = item?.[1] ?? item?.[2] ?? item?.[3];
      if (glob) globs.push(glob);
    }
  }
  return globs;
}

const cleanGlob = (glob: string): string => glob.replace(/^\.\//, '').replace(/\/+$/, '');

function nameOf(cwd: string, dir: string): string {
  const rel = path.relative(cwd, dir).split(path.sep).join('/');
  return rel === '' ? '.' : rel;
}

const unique = (dirs: string[]): string[] => [...new Set(dirs.map((d) => path.resolve(d)))].sort();

function statOf(abs: string): fs.Stats | undefined {
  try {
    return fs.statSync(abs);
  } catch {
    return undefined;
  }
}

function readOptional(file: string): string | undefined {
  try {
    return readTextFile(file, CONFIG_FILE_LIMIT);
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What `skew check` checks: the `--project`s given, else the monorepo's projects found from the project root
 * above `cwd`; undefined when there are none of either (one project, checked as it always was).
 */
export async function projectsToCheck(named: readonly string[], cwd: string): Promise<WorkspaceProject[] | undefined> {
  if (named.length) return namedProjects(named, cwd);
  const found = await discoverProjects(findProjectRoot(cwd), cwd);
  return found.length ? found : undefined;
}

/**
 * Where a one-project command (accept, can-i-deploy) runs: `--project` names a monorepo's project, read as
 * `skew check --project` reads it (its imports of sibling packages at the same commit); else `cwd`.
 */
export async function oneProject(given: string | undefined, cwd: string): Promise<{ cwd: string; workspaceRoot?: string }> {
  if (given === undefined) return { cwd };
  const [project] = namedProjects([given], cwd);
  return { cwd: project!.dir, workspaceRoot: (await repoInfo(project!.dir)).top };
}
