import { ts } from '@ts-morph/common';
import { libText } from './tree-file-system.js';
import { itemAt } from '../common/item-at.js';

/**
 * The browser and host libs (DOM above all) are about 95% of the default lib text, and wire contracts almost
 * never touch them. A program is first built without them; `needsDroppedLib` then says whether any loaded
 * file could resolve differently with them, in which case the caller rebuilds with the configured libs.
 */
const HOST_LIB = /^lib\.(dom|webworker|scripthost)\b/;

export interface LibPlan {
  /** Options to try first: the configured libs minus the host libs. */
  options: ts.CompilerOptions;
  /** Every global name the dropped lib files declare (a superset; extra names only cost a lookup). */
  droppedGlobals: ReadonlySet<string>;
}

const REFERENCE_LIB = /^\/\/\/\s*<reference\s+lib=["']([^"']+)["']/gm;
/**
 * Declarations keywords followed by a name, anywhere in the text: it also catches nested and commented
 * names, which is harmless because the set only has to contain every top-level one.
 */
const DECLARED_NAME = /\b(?:interface|var|let|const|type|function|namespace|module|class|enum)\s+([A-Za-z_$][\w$]*)/g;

const globalsCache = new Map<string, ReadonlySet<string>>();

export function planMinimalLib(options: ts.CompilerOptions): LibPlan | undefined {
  if (options.noLib) return undefined;
  const configured = (options.lib ?? [ts.getDefaultLibFileName(options)]).map((file) => file.replace(/^.*\//, ''));
  const kept = configured.filter((file) => !HOST_LIB.test(file)).map(withoutHostLibs);
  const full = closure(configured);
  const minimal = closure(kept);
  const dropped = [...full].filter((file) => !minimal.has(file)).sort();
  if (dropped.length === 0) return undefined;
  return { options: { ...options, lib: [...new Set(kept)] }, droppedGlobals: globalsOf(dropped) };
}

/** `lib.es2022.full.d.ts` is es2022 plus the host libs; `lib.d.ts` is es5 plus them. */
function withoutHostLibs(file: string): string {
  if (file === 'lib.d.ts') return 'lib.es5.d.ts';
  return file.replace(/\.full\.d\.ts$/, '.d.ts');
}

function closure(files: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = libText(file);
    if (text === undefined) return;
    for (const match of text.matchAll(REFERENCE_LIB)) visit(`lib.${itemAt(match, 1).toLowerCase()}.d.ts`);
  };
  files.forEach(visit);
  return seen;
}

function globalsOf(files: string[]): ReadonlySet<string> {
  const key = files.join('|');
  let names = globalsCache.get(key);
  if (!names) {
    const found = new Set<string>();
    for (const file of files) for (const match of (libText(file) ?? '').matchAll(DECLARED_NAME)) found.add(itemAt(match, 1));
    names = found;
    globalsCache.set(key, names);
  }
  return names;
}

/**
 * True when a project file (one `skip` does not rule out) names something the dropped libs declare and the name does not resolve to a
 * project-local declaration: unresolved, or global (a lib or a global augmentation, which the dropped libs
 * could merge with).
 */
export function needsDroppedLib(program: ts.Program, droppedGlobals: ReadonlySet<string>, skip: (fileName: string) => boolean): boolean {
  const checker = program.getTypeChecker();
  for (const sourceFile of program.getSourceFiles()) {
    if (skip(sourceFile.fileName)) continue;
    for (const identifier of candidateIdentifiers(sourceFile, droppedGlobals)) {
      if (!resolvesLocally(checker, identifier)) return true;
    }
  }
  return false;
}

/** Identifiers spelled like a dropped global: syntax only, so found once per source file object. */
const candidates = new WeakMap<ts.SourceFile, WeakMap<ReadonlySet<string>, ts.Identifier[]>>();

function candidateIdentifiers(sourceFile: ts.SourceFile, droppedGlobals: ReadonlySet<string>): ts.Identifier[] {
  let byGlobals = candidates.get(sourceFile);
  if (!byGlobals) candidates.set(sourceFile, (byGlobals = new WeakMap()));
  let found = byGlobals.get(droppedGlobals);
  if (!found) {
    const list: ts.Identifier[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) {
        if (droppedGlobals.has(node.text) && !isMemberName(node)) list.push(node);
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    byGlobals.set(droppedGlobals, (found = list));
  }
  return found;
}

/**
 * A key or member name (`{ status: … }`, `x.name`, `interface A { length: number }`) never names a global, and
 * asking the checker about a key in a schema's object literal would make it infer the whole schema call.
 */
function isMemberName(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  if (ts.isPropertyAccessExpression(parent)) return parent.name === identifier;
  if (ts.isQualifiedName(parent)) return parent.right === identifier;
  return (
    (ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodSignature(parent) || ts.isMethodDeclaration(parent) || ts.isEnumMember(parent)) &&
    parent.name === identifier
  );
}

function resolvesLocally(checker: ts.TypeChecker, identifier: ts.Identifier): boolean {
  const symbol = checker.getSymbolAtLocation(identifier);
  const declarations = symbol?.declarations;
  if (!declarations || declarations.length === 0) return false;
  return declarations.every((declaration) => !isGlobalDeclaration(declaration));
}

function isGlobalDeclaration(declaration: ts.Node): boolean {
  let node = declaration.parent;
  // A variable's declaration sits in a list inside a statement; the statement's parent is its scope.
  while (node && (ts.isVariableDeclarationList(node) || ts.isVariableStatement(node))) node = node.parent;
  if (!node) return false;
  if (ts.isSourceFile(node)) return !ts.isExternalModule(node);
  return ts.isModuleBlock(node) && !!(node.parent.flags & ts.NodeFlags.GlobalAugmentation);
}
