import { ts } from '@ts-morph/common';
import type { Contract } from '../engine/shape.js';
import type { RelativePath } from './locations.js';
import type { ShapeBuilder } from './shape-builder.js';
import { installedPackage, type PackageNameOf } from './schemas/library.js';
import type { Read } from './schemas/read-shapes.js';

/**
 * What an adapter (server/src/adapters) gets to find contracts a framework declares without JSDoc tags: the
 * program over the project's files, the checker, and the builder every other contract's shapes come from.
 */
export interface AdapterContext {
  checker: ts.TypeChecker;
  /** Every project source file of the program (dependencies and lib files excluded). */
  files: readonly ts.SourceFile[];
  relative: RelativePath;
  builder: ShapeBuilder;
  /** Adds a contract; a name already taken is reported at `node` and the contract dropped. */
  add(contract: Contract, node: ts.Node): void;
  problem(node: ts.Node, message: string): void;
  /** A file of the version being read (absolute path, as the program names files), e.g. a declaration file's compiled `.js`. */
  readFile: (fileName: string) => string | undefined;
  /**
   * A zod or valibot schema value passed to the framework (`.input(schema)`), read by its construction: the reader's
   * unknown-key policy, checks, defaults and transforms; undefined when it is not such a schema. `inline`: a schema
   * const's own object rather than a reference to it.
   */
  schemaValue(node: ts.Expression, inline?: boolean): Read | undefined;
  /** An installed package's name as its package.json says (for `declaredByPackage`), by the folder it is in. */
  packageNameOf: PackageNameOf;
}

export interface ContractAdapter {
  /** The key in skew.json `adapters` and in `Contract.adapter`: `trpc`, `jsonrpc`, … */
  name: string;
  /** npm packages that turn the adapter on when package.json depends on one of them. */
  packages: readonly string[];
  /**
   * Packages of ambient declarations the library's types live in (`@cloudflare/workers-types`): kept when
   * tsconfig's `types` lists them, although Skew otherwise loads no ambient types.
   */
  ambientTypes?: readonly string[];
  collect(context: AdapterContext): void;
}

/**
 * True when the declaration comes from one of these installed packages (`node_modules/<pkg>/…`) or from a
 * `declare module '<pkg>'` block: how an adapter knows a symbol is the library's own, whatever it was
 * imported or re-exported as. Given `packageNameOf`, a package installed in a folder of another name (an npm
 * alias, a tsconfig `paths` mapping to `node_modules/trpc-server-v10`) is known by its package.json's name.
 */
export function declaredByPackage(node: ts.Node, packages: readonly string[], packageNameOf?: PackageNameOf): boolean {
  const file = node.getSourceFile().fileName;
  if (packages.some((pkg) => file.includes(`/node_modules/${pkg}/`))) return true;
  const installed = packageNameOf && installedPackage(file);
  const name = installed && packageNameOf(installed.folder);
  if (name && packages.includes(name)) return true;
  for (let at: ts.Node | undefined = node; at; at = at.parent) {
    if (ts.isModuleDeclaration(at) && ts.isStringLiteral(at.name) && packages.includes(at.name.text)) return true;
  }
  return false;
}

export { dependenciesOf } from '../common/dependencies.js';
