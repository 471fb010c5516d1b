import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { readCompilerOptions } from '../../../../server/src/contracts/compiler-options.js';
import { createExtractor, type ExtractResult } from '../../../../server/src/contracts/extractor.js';
import { memoryTree } from '../../../../server/src/contracts/memory-tree.js';
import type { SkewConfig, SourceTree } from '../../../../server/src/common/source.js';
import { diskDirectories } from '../../../../server/src/baseline/git-tree.js';

/** The repository root: its node_modules holds the real zod, zod 3 and valibot the fixtures import. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

const inNodeModules = (rel: string) => rel === 'node_modules' || rel.startsWith('node_modules/');

/**
 * Files in memory rooted at the repository, with `node_modules` read from disk, as a working tree or a git
 * baseline reads installed packages: the schema libraries are the real ones.
 */
export function schemaTree(files: Record<string, string>, label = 'memory'): SourceTree {
  const tree = memoryTree(files, label, { root: REPO_ROOT });
  const abs = (rel: string) => path.join(REPO_ROOT, rel);
  return {
    ...tree,
    readFile: (rel) => (inNodeModules(rel) ? (existsSync(abs(rel)) && statSync(abs(rel)).isFile() ? readFileSync(abs(rel), 'utf8') : undefined) : tree.readFile(rel)),
    fileExists: (rel) => (inNodeModules(rel) ? existsSync(abs(rel)) && statSync(abs(rel)).isFile() : tree.fileExists(rel)),
    directoryExists: (rel) => (inNodeModules(rel) ? existsSync(abs(rel)) && statSync(abs(rel)).isDirectory() : tree.directoryExists(rel)),
    getDirectories: (rel) => (inNodeModules(rel) ? diskDirectories(abs(rel)) : rel === '' ? [...tree.getDirectories(rel), 'node_modules'] : tree.getDirectories(rel)),
  };
}

export function extractSchemas(files: Record<string, string>, config: SkewConfig = {}): ExtractResult {
  const tree = schemaTree(files);
  const read = readCompilerOptions(tree);
  if ('error' in read) throw new Error(read.error);
  return createExtractor(tree, config, read.options).extract();
}

/** A deep copy without `loc` and `policyLoc`, for comparing shapes by what they say. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'loc' || key === 'policyLoc' ? undefined : v))) as T;
}
