import type { ts } from '@ts-morph/common';

/** The schema APIs Skew reads; `zod-core` holds what zod 4 and zod mini share (mini's functional checks). */
export type SchemaFamily = 'zod3' | 'zod4' | 'zod-mini' | 'zod-core' | 'valibot';
export type SchemaLibrary = Exclude<SchemaFamily, 'zod-core'>;

/** A package's name as its package.json says, from the folder the package is installed in. */
export type PackageNameOf = (packageFolder: string) => string | undefined;

const NODE_MODULES = '/node_modules/';

/**
 * Which schema API a declaration file belongs to, or undefined. The package is named by its package.json, not
 * by its folder: an alias install (`zod3` = `npm:zod@3`) keeps the name `zod`. Inside zod, the folder says which
 * API: zod 3.25 ships its own API under `v3/` (and zod 4's under `v4/`), zod 4 ships the zod 3 API under `v3/`.
 */
export function familyOfFile(fileName: string, packageNameOf: PackageNameOf): SchemaFamily | undefined {
  const installed = installedPackage(fileName);
  if (!installed) return undefined;
  const name = packageNameOf(installed.folder);
  const { path } = installed;
  if (name === 'valibot') return 'valibot';
  if (name !== 'zod') return undefined;
  if (path.startsWith('v3/') || path.startsWith('src/v3/')) return 'zod3';
  if (/^(src\/)?(v4\/)?mini\//.test(path)) return 'zod-mini';
  if (/^(src\/)?v4\/core\//.test(path)) return 'zod-core';
  return 'zod4';
}

/** The installed package a file belongs to (`…/node_modules/@scope/name`), and the file's path inside it. */
export function installedPackage(fileName: string): { folder: string; path: string } | undefined {
  const at = fileName.lastIndexOf(NODE_MODULES);
  if (at < 0) return undefined;
  const inside = fileName.slice(at + NODE_MODULES.length).split('/');
  const depth = inside[0]?.startsWith('@') ? 2 : 1;
  return { folder: fileName.slice(0, at + NODE_MODULES.length) + inside.slice(0, depth).join('/'), path: inside.slice(depth).join('/') };
}

/** Caches package names by folder; the reader is the compiler host's, so a baseline reads what its tree holds. */
export function packageNames(readFile: (fileName: string) => string | undefined): PackageNameOf {
  const names = new Map<string, string | undefined>();
  return (folder) => {
    if (names.has(folder)) return names.get(folder);
    let name: string | undefined;
    try {
      const parsed = JSON.parse(readFile(`${folder}/package.json`) ?? 'null') as { name?: unknown } | null;
      name = typeof parsed?.name === 'string' ? parsed.name : undefined;
    } catch {
      name = undefined;
    }
    names.set(folder, name);
    return name;
  };
}

/** The family of the file a node is declared in, cached per source file object. */
export function familyOf(node: ts.Node, packageNameOf: PackageNameOf, cache: WeakMap<ts.SourceFile, SchemaFamily | null>): SchemaFamily | undefined {
  const sourceFile = node.getSourceFile();
  let family = cache.get(sourceFile);
  if (family === undefined) {
    family = sourceFile.isDeclarationFile || sourceFile.fileName.includes(NODE_MODULES) ? (familyOfFile(sourceFile.fileName, packageNameOf) ?? null) : null;
    cache.set(sourceFile, family);
  }
  return family ?? undefined;
}
