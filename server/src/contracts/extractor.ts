import { builtinModules } from 'node:module';
import { ts } from '@ts-morph/common';
import type { Range, WireModel } from '../engine/shape.js';
import { pushAll } from '../engine/push-all.js';
import { collectContracts } from './collect-contracts.js';
import { dependenciesOf, type ContractAdapter } from './adapter-hook.js';
import { TreeCompilerHost } from './compiler-host.js';
import { parsingKey } from './parsing-key.js';
import { sharedSourceFiles, type SourceFileCache } from './source-file-cache.js';
import { discover } from './discover.js';
import { rangeOf } from './locations.js';
import { needsDroppedLib, planMinimalLib } from './minimal-lib.js';
import { reuseFrom, type Reusable } from './reuse.js';
import { ReuseFailed, ShapeBuilder } from './shape-builder.js';
import { limitReported } from './typescript-limits.js';
import { familyOfFile, packageNames } from './schemas/library.js';
import { libraryMemo } from './schemas/library-memo.js';
import { SchemaReader } from './schemas/schema-reader.js';
import type { SkewConfig, SourceTree } from '../common/source.js';
import { runNow, runSliced, type Steps } from '../common/steps.js';
import { LIB_FOLDER, NODE_GLOBALS_LIB, treeFileSystem, treeRootPath, type TreeFileSystem } from './tree-file-system.js';

export interface SourceProblem {
  file: string;
  range: Range;
  message: string;
  /** A limit was hit and a contract was not read in full: the check cannot pass. */
  uncheckable?: true;
}

export interface ExtractResult {
  model: WireModel;
  /** Relative paths of the project files the program loaded (lib files excluded). */
  files: string[];
  problems: SourceProblem[];
}

/** What one extraction leaves for another of the same project (the working tree after the baseline). */
export interface Seed {
  program: ts.Program;
  reusable: Reusable;
}

export interface Extractor {
  extract(): ExtractResult;
  /** The same, letting the event loop in between contracts and phases (see common/steps.ts). */
  extractSliced(): Promise<ExtractResult>;
  /** The last extraction's program and entries, for seeding an extractor of another version of the tree. */
  seed(): Seed | undefined;
  /** Points the extractor at a newer version of the tree; the next extract reuses what did not change. */
  update(tree: SourceTree): void;
}

const PATH_OPTIONS = ['baseUrl', 'rootDir', 'pathsBasePath', 'configFilePath', 'declarationDir', 'outDir'] as const;
const PATH_LIST_OPTIONS = ['rootDirs', 'typeRoots'] as const;

/**
 * Options as read from the working tree name absolute paths under the working tree's root; a baseline tree
 * lives under another (virtual) root, so those paths are moved across before use.
 */
function optionsFor(options: ts.CompilerOptions, root: string, keepTypes: (name: string) => boolean): ts.CompilerOptions {
  const copy: ts.CompilerOptions = { ...options };
  const configFile = typeof options.configFilePath === 'string' ? options.configFilePath.replace(/\\/g, '/') : undefined;
  const from = configFile ? configFile.slice(0, configFile.lastIndexOf('/')) : undefined;
  const to = treeRootPath(root);
  const move = (value: string) =>
    from !== undefined && from !== to && (value === from || value.startsWith(`${from}/`)) ? to + value.slice(from.length) : value;
  const record = copy as Record<string, unknown>;
  for (const key of PATH_OPTIONS) if (typeof record[key] === 'string') record[key] = move(record[key]);
  for (const key of PATH_LIST_OPTIONS) if (Array.isArray(record[key])) record[key] = (record[key] as string[]).map(move);
  // Contracts are read, never emitted or fully checked; ambient @types would only add files to parse, unless an
  // adapter's library declares its types there.
  copy.noEmit = true;
  copy.types = (options.types ?? []).filter(keepTypes);
  copy.skipLibCheck = true;
  delete copy.composite;
  delete copy.incremental;
  delete copy.tsBuildInfoFile;
  return copy;
}

/**
 * `sourceFiles`: where parsed files are shared with other extractors (see source-file-cache.ts).
 * `seed`: another version's extraction (the baseline's, for the working tree): its entries for files with the
 * same text are taken as they are on the first extraction, under the same rules as after an edit.
 */
export function createExtractor(
  tree: SourceTree,
  config: SkewConfig,
  options: ts.CompilerOptions,
  seed?: Seed,
  adapters: readonly ContractAdapter[] = [],
  sourceFiles: SourceFileCache = sharedSourceFiles,
): Extractor {
  let current = tree;
  let fs: TreeFileSystem = treeFileSystem(tree);
  const ambient = adapters.filter((adapter) => config.adapters?.[adapter.name] !== false).flatMap((adapter) => adapter.ambientTypes ?? []);
  const programOptions = optionsFor(options, tree.root, (name) => ambient.some((pkg) => name === pkg || name.startsWith(`${pkg}/`)));
  const host = new TreeCompilerHost(fs, parsingKey(programOptions), sourceFiles);
  const libPlan = planMinimalLib(programOptions);
  let program: ts.Program | undefined;
  let reusable: Reusable | undefined = seed?.reusable;
  // Compared with, never passed to createProgram as oldProgram: it was built by another host.
  let reusableFrom: ts.Program | undefined = seed?.program;
  // Once a file needed the full libs, later extractions (an editing session) go straight to them.
  let fullLib = !libPlan;

  const build = (rootNames: string[]): ts.Program => {
    if (libPlan && !fullLib) {
      const minimal = ts.createProgram({ rootNames, options: libPlan.options, host, oldProgram: program });
      // A schema library's declarations name browser globals (zod's `z.file()` names `File`): what they would
      // resolve to never travels as JSON, and loading the DOM lib for them would dwarf the project.
      const packageNameOf = packageNames((fileName) => fs.readFile(fileName));
      const skipped = (fileName: string) => fs.isLib(fileName) || familyOfFile(fileName, packageNameOf) !== undefined;
      if (!needsDroppedLib(minimal, libPlan.droppedGlobals, skipped)) return minimal;
      fullLib = true;
      program = minimal;
    }
    return ts.createProgram({ rootNames, options: programOptions, host, oldProgram: program });
  };

  function* extractSteps(): Steps<ExtractResult> {
    const discovery = discover(current, config);
    const active = activeAdapters(adapters, current, config);
    // A framework's contracts sit in files nothing marks (a router built through a project's own helper), so
    // a project that uses one is read whole; one that does not pays nothing.
    const roots = active.length ? [...new Set([...discovery.roots, ...current.listFiles()])].sort() : discovery.roots;
    const previousProgram = program ?? reusableFrom;
    reusableFrom = undefined;
    const built = build([...roots.map((rel) => fs.absolute(rel)), `${LIB_FOLDER}/${NODE_GLOBALS_LIB}`]);
    program = built;
    host.retainOnly(built);
    yield;
    const relative = (sourceFile: ts.SourceFile) => (fs.isLib(sourceFile.fileName) ? undefined : fs.relative(sourceFile.fileName));
    const isLibNode = (node: ts.Node) => fs.isLib(node.getSourceFile().fileName);
    const checker = built.getTypeChecker();
    yield;
    // After an edit, named types whose source files did not change are taken from the previous model.
    const previous = reusable && previousProgram && reuseFrom(reusable, previousProgram, built, checker);
    const limit = () => limitReported(built);
    const packageNameOf = packageNames((fileName) => fs.readFile(fileName));
    const library = libraryMemo.forProgram(built);
    let builder = new ShapeBuilder(checker, relative, isLibNode, limit, previous);
    let collected;
    try {
      collected = yield* collectContracts(built, discovery, fs.absolute, relative, builder, new SchemaReader(checker, builder, relative, packageNameOf, library), active, (fileName) => fs.readFile(fileName), previous ? reusable?.files : undefined);
    } catch (e) {
      if (!(e instanceof ReuseFailed)) throw e;
      builder = new ShapeBuilder(checker, relative, isLibNode, limit);
      collected = yield* collectContracts(built, discovery, fs.absolute, relative, builder, new SchemaReader(checker, builder, relative, packageNameOf, library), active, (fileName) => fs.readFile(fileName));
    }
    reusable = { types: collected.model.types, records: builder.records, files: collected.files };

    const problems: SourceProblem[] = [];
    const files: string[] = [];
    for (const sourceFile of built.getSourceFiles()) {
      yield;
      const rel = relative(sourceFile);
      if (rel === undefined) continue;
      files.push(rel);
      for (const diagnostic of built.getSyntacticDiagnostics(sourceFile)) {
        const start = diagnostic.start ?? 0;
        problems.push({
          file: rel,
          range: rangeOf(sourceFile, start, start + (diagnostic.length ?? 0)),
          message: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '),
        });
      }
    }
    pushAll(problems, unresolvedImports(built, discovery.roots.map(fs.absolute), relative, current.label));
    for (const { node, message, uncheckable, contractNode } of collected.problems) {
      // A limit hit inside a dependency's declarations is still reported: at the contract that reached it.
      const at = relative(node.getSourceFile()) === undefined && uncheckable && contractNode ? contractNode : node;
      const sourceFile = at.getSourceFile();
      const rel = relative(sourceFile);
      if (rel === undefined) continue;
      const problem: SourceProblem = { file: rel, range: rangeOf(sourceFile, at.getStart(sourceFile), at.getEnd()), message };
      if (uncheckable) problem.uncheckable = true;
      problems.push(problem);
    }
    return { model: collected.model, files: files.sort(), problems };
  }

  return {
    update(next) {
      current = next;
      fs = treeFileSystem(next);
      host.setFileSystem(fs);
    },
    seed() {
      return program && reusable ? { program, reusable } : undefined;
    },
    extract: () => runNow(extractSteps()),
    extractSliced: () => runSliced(extractSteps()),
  };
}

/** The adapters whose library the tree's package.json depends on, less those skew.json turns off. */
function activeAdapters(adapters: readonly ContractAdapter[], tree: SourceTree, config: SkewConfig): ContractAdapter[] {
  if (!adapters.length) return [];
  const wanted = adapters.filter((adapter) => config.adapters?.[adapter.name] !== false);
  if (!wanted.length) return [];
  const deps = dependenciesOf(tree.readFile('package.json'));
  return wanted.filter((adapter) => adapter.packages.some((pkg) => deps.has(pkg)));
}

function isNodeBuiltin(specifier: string): boolean {
  if (specifier.startsWith('node:')) return true;
  return builtinModules.includes(specifier) || builtinModules.includes(specifier.split('/')[0]!);
}

function unresolvedImports(
  program: ts.Program,
  roots: string[],
  relative: (sourceFile: ts.SourceFile) => string | undefined,
  label: string,
): SourceProblem[] {
  const checker = program.getTypeChecker();
  const problems: SourceProblem[] = [];
  for (const root of roots) {
    const sourceFile = program.getSourceFile(root);
    const rel = sourceFile && relative(sourceFile);
    if (!sourceFile || rel === undefined) continue;
    for (const statement of sourceFile.statements) {
      if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement))) continue;
      const specifier = statement.moduleSpecifier;
      if (!specifier || !ts.isStringLiteral(specifier) || checker.getSymbolAtLocation(specifier)) continue;
      // Ambient @types (Node's among them) are left out on purpose (see optionsFor): a contract file that also
      // imports `node:crypto` has not lost anything a message could carry, so that is not worth a warning.
      if (isNodeBuiltin(specifier.text)) continue;
      problems.push({
        file: rel,
        range: rangeOf(sourceFile, specifier.getStart(sourceFile), specifier.getEnd()),
        message: `Cannot resolve import '${specifier.text}' in ${label}; types from it are read as any.`,
      });
    }
  }
  return problems;
}
