import * as path from 'node:path';
import { getLibFiles } from '@ts-morph/common';
import type { SourceTree } from '../common/source.js';

/**
 * Lib .d.ts files live outside every tree, in a virtual folder no project uses; they come from the copy
 * bundled with ts-morph, so they always match the compiler version and need no disk access.
 */
export const LIB_FOLDER = '/__skew_lib__';

/**
 * Node globals a contract may name, declared by skew itself: ambient @types are not loaded (see optionsFor in
 * extractor.ts), and without a declaration `Buffer` would read as `any` and its trip through JSON go unnoticed.
 * It merges with @types/node's declaration where a file references it.
 */
export const NODE_GLOBALS_LIB = 'lib.skew-node-globals.d.ts';
const NODE_GLOBALS_TEXT = 'interface Buffer extends Uint8Array {}\n';

let libTexts: Map<string, string> | undefined;
/** The text of a bundled lib file by its base name (`lib.es2022.d.ts`). */
export function libText(baseName: string): string | undefined {
  libTexts ??= new Map([...getLibFiles().map((lib): [string, string] => [lib.fileName, lib.text]), [NODE_GLOBALS_LIB, NODE_GLOBALS_TEXT]]);
  return libTexts.get(baseName);
}
const libFileText = (fileName: string) => libText(fileName.slice(LIB_FOLDER.length + 1));

export interface TreeFileSystem {
  /** The tree root as a posix absolute path without a trailing slash ('' for '/'). */
  readonly rootPath: string;
  absolute: (rel: string) => string;
  /** Relative path inside the tree, or undefined for lib files and anything outside. */
  relative(fileName: string): string | undefined;
  isLib: (fileName: string) => boolean;
  fileExists(fileName: string): boolean;
  readFile(fileName: string): string | undefined;
  directoryExists(dirName: string): boolean;
  getDirectories(dirName: string): string[];
}

export function treeRootPath(root: string): string {
  const posix = root.replace(/\\/g, '/');
  return posix.endsWith('/') ? posix.slice(0, -1) : posix;
}

/** The compiler sees absolute paths; the tree speaks relative ones. This is the only translation between them. */
export function treeFileSystem(tree: SourceTree): TreeFileSystem {
  const rootPath = treeRootPath(tree.root);
  const prefix = `${rootPath}/`;
  // A monorepo package's tree also reaches its workspace: those files get '../' paths, as the trees read them.
  const outer = tree.outerRoot === undefined ? undefined : treeRootPath(tree.outerRoot);
  const relative = (fileName: string): string | undefined => {
    const posix = fileName.replace(/\\/g, '/');
    if (posix === rootPath) return '';
    if (posix.startsWith(prefix)) return posix.slice(prefix.length);
    if (outer !== undefined && outer !== rootPath && (posix === outer || posix.startsWith(`${outer}/`))) return path.posix.relative(rootPath, posix);
    return undefined;
  };
  const isLib = (fileName: string) => fileName.startsWith(`${LIB_FOLDER}/`);
  return {
    rootPath: rootPath === '' ? '/' : rootPath,
    absolute: (rel) => (rel.startsWith('../') ? path.posix.join(rootPath, rel) : `${prefix}${rel}`),
    relative,
    isLib,
    fileExists: (fileName) => {
      if (isLib(fileName)) return libFileText(fileName) !== undefined;
      const rel = relative(fileName);
      return rel !== undefined && rel !== '' && tree.fileExists(rel);
    },
    readFile: (fileName) => {
      if (isLib(fileName)) return libFileText(fileName);
      const rel = relative(fileName);
      return rel === undefined || rel === '' ? undefined : tree.readFile(rel);
    },
    directoryExists: (dirName) => {
      if (dirName === LIB_FOLDER) return true;
      const rel = relative(dirName);
      return rel !== undefined && tree.directoryExists(rel);
    },
    getDirectories: (dirName) => {
      const rel = relative(dirName);
      return rel === undefined ? [] : tree.getDirectories(rel);
    },
  };
}
