import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { memoryTree } from '../../../server/src/contracts/memory-tree.js';
import { readCompilerOptions } from '../../../server/src/contracts/compiler-options.js';
import { createExtractor, type ExtractResult } from '../../../server/src/contracts/extractor.js';
import { adapters } from '../../../server/src/adapters/index.js';
import { compareModels } from '../../../server/src/rules/index.js';
import type { SkewConfig, SourceTree } from '../../../server/src/common/source.js';
import type { Finding } from '../../../server/src/rules/index.js';
import { directionSentence, findingMessage } from '../../../server/src/lsp/finding-message.js';
import { directionInWords, orderInWords } from '../../../server/src/report/text.js';

/** The repository root: its node_modules holds the real libraries the fixtures import. */
const REPO = path.resolve(__dirname, '../../..');

/**
 * A project held in memory whose `node_modules` is the repository's own, so fixtures import the real
 * @trpc/server, vscode-jsonrpc, … exactly as a user's project does.
 */
export function projectTree(files: Record<string, string>, label = 'memory', root = REPO): SourceTree {
  const memory = memoryTree(files, label, { root });
  const onDisk = (rel: string) => rel === 'node_modules' || rel.startsWith('node_modules/');
  return {
    ...memory,
    readFile: (rel) => (onDisk(rel) ? readOrUndefined(path.join(root, rel)) : memory.readFile(rel)),
    fileExists: (rel) => (onDisk(rel) ? isFile(path.join(root, rel)) : memory.fileExists(rel)),
    directoryExists: (rel) => (onDisk(rel) ? isDirectory(path.join(root, rel)) : memory.directoryExists(rel) || rel === 'node_modules'),
    getDirectories: (rel) =>
      onDisk(rel)
        ? fs.readdirSync(path.join(root, rel), { withFileTypes: true }).filter((e) => e.isDirectory() || e.isSymbolicLink()).map((e) => e.name)
        : [...memory.getDirectories(rel), ...(rel === '' || rel === '.' ? ['node_modules'] : [])],
  };
}

function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
const isFile = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
const isDirectory = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;

export const packageJson = (...deps: string[]) => JSON.stringify({ name: 'fixture', dependencies: Object.fromEntries(deps.map((d) => [d, '*'])) });

export function extractProject(files: Record<string, string>, config: SkewConfig = {}, label?: string, root?: string): ExtractResult {
  const tree = projectTree(files, label, root);
  const read = readCompilerOptions(tree);
  if ('error' in read) throw new Error(read.error);
  return createExtractor(tree, config, read.options, undefined, adapters).extract();
}

/** Findings between two versions of a project, as `rule path [directions]` lines, sorted. */
export function compareProjects(before: Record<string, string>, after: Record<string, string>, config: SkewConfig = {}, root?: string): string[] {
  return describe(findingsBetween(before, after, config, root));
}

/** `root`: the folder whose node_modules the projects read (the repository's own unless given). */
export function findingsBetween(before: Record<string, string>, after: Record<string, string>, config: SkewConfig = {}, root?: string): Finding[] {
  const old = extractProject(before, config, 'baseline', root);
  const now = extractProject(after, config, 'working tree', root);
  return compareModels(old.model, now.model).findings;
}

export function describe(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.rule} ${f.path} [${[...f.breaks].sort().join(',')}]`).sort();
}

/**
 * How the editor and the reports word each finding between two versions, against a baseline named `v1`: the
 * hover's direction sentences, the one-line message, the text report's direction and order words.
 */
export function wordsBetween(before: Record<string, string>, after: Record<string, string>, root?: string): string[][] {
  return findingsBetween(before, after, {}, root).map((f) => [
    ...f.breaks.map((d) => directionSentence(d, f.contractKind, f.contract, 'v1', f.roles)),
    findingMessage(f, 'v1'),
    ...f.breaks.map((d) => directionInWords(d, f.contractKind, f.contract, f.roles)),
    orderInWords(f.order, f.roles),
  ]);
}

/**
 * A folder whose node_modules installs `packages` under the names a user's project imports them by, each a
 * symlink to a real package of the repository's node_modules (`{ '@trpc/server': 'trpc-server-v10' }`: tRPC
 * v10, installed here under an alias, imported as `@trpc/server`). Removed when the process exits.
 */
export function aliasedModules(packages: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-modules-'));
  for (const [name, installed] of Object.entries(packages)) {
    const link = path.join(root, 'node_modules', name);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.join(REPO, 'node_modules', installed), link);
  }
  process.once('exit', () => fs.rmSync(root, { recursive: true, force: true }));
  return root;
}
