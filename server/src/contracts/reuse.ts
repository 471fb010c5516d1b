import { ts } from '@ts-morph/common';
import type { NamedType } from '../engine/shape.js';
import type { EntryRecord, PreviousEntries } from './shape-builder.js';
import type { FileContracts } from './file-contracts.js';

/** What an extraction leaves for the next one. */
export interface Reusable {
  types: Readonly<Record<string, NamedType>>;
  records: ReadonlyMap<string, EntryRecord>;
  /** Per root file, the contracts it gave (see FileContracts). */
  files?: ReadonlyMap<ts.SourceFile, FileContracts>;
}

/**
 * Decides what of the previous extraction the next one may take as is. Nothing, when the edit could change
 * names far from the edited file: files were added or removed, or a changed file is a global script or
 * augments modules or the global scope. Otherwise entries whose files are all unchanged are reused, except
 * those declared in a file that imports a module whose exports may have changed (the changed files and
 * whatever re-exports them), because a name there may now resolve elsewhere.
 */
export function reuseFrom(reusable: Reusable, before: ts.Program, after: ts.Program, checker: ts.TypeChecker): PreviousEntries | undefined {
  const oldFiles = before.getSourceFiles();
  const newFiles = after.getSourceFiles();
  if (oldFiles.length !== newFiles.length) return undefined;
  const current = new Set(newFiles);
  const changed: ts.SourceFile[] = [];
  for (const file of oldFiles) {
    if (current.has(file)) continue;
    const replacement = after.getSourceFile(file.fileName);
    if (!replacement) return undefined;
    if (reachesBeyondItself(file) || reachesBeyondItself(replacement)) return undefined;
    changed.push(replacement);
  }
  const exportsChanged = exportChangedModules(changed, newFiles, checker);
  const importsChanged = new Map<ts.SourceFile, boolean>();
  return {
    types: reusable.types,
    records: reusable.records,
    isCurrent: (file) => current.has(file),
    importsChanged: (file) => {
      let answer = importsChanged.get(file);
      if (answer === undefined) {
        answer = importedModules(file, checker).some((m) => exportsChanged.has(m));
        importsChanged.set(file, answer);
      }
      return answer;
    },
  };
}

const reaching = new WeakMap<ts.SourceFile, boolean>();

/** A script's declarations are global, and augmentations reopen other modules: either can affect any file. */
export function reachesBeyondItself(file: ts.SourceFile): boolean {
  let answer = reaching.get(file);
  if (answer === undefined) {
    answer =
      !ts.isExternalModule(file) ||
      file.statements.some((s) => ts.isModuleDeclaration(s) && (ts.isStringLiteral(s.name) || !!(s.flags & ts.NodeFlags.GlobalAugmentation)));
    reaching.set(file, answer);
  }
  return answer;
}

/** The changed modules plus every module that re-exports from one of them, transitively. */
function exportChangedModules(changed: ts.SourceFile[], files: readonly ts.SourceFile[], checker: ts.TypeChecker): Set<ts.SourceFile> {
  const result = new Set(changed);
  let grew = changed.length > 0;
  while (grew) {
    grew = false;
    for (const file of files) {
      if (result.has(file)) continue;
      if (reExportedModules(file, checker).some((m) => result.has(m))) {
        result.add(file);
        grew = true;
      }
    }
  }
  return result;
}

/** Module specifiers are syntax: found once per source file object, resolved again in each program. */
const specifierCache = new WeakMap<ts.SourceFile, ts.Node[]>();

function importedModules(file: ts.SourceFile, checker: ts.TypeChecker): ts.SourceFile[] {
  let specifiers = specifierCache.get(file);
  if (!specifiers) {
    const found: ts.Node[] = [];
    const visit = (node: ts.Node): void => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) found.push(node.moduleSpecifier);
      else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) found.push(node.moduleReference.expression);
      else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) found.push(node.argument.literal);
      ts.forEachChild(node, visit);
    };
    visit(file);
    specifiers = found;
    specifierCache.set(file, specifiers);
  }
  const modules: ts.SourceFile[] = [];
  for (const specifier of specifiers) addModule(specifier, checker, modules);
  return modules;
}

function reExportedModules(file: ts.SourceFile, checker: ts.TypeChecker): ts.SourceFile[] {
  const modules: ts.SourceFile[] = [];
  for (const statement of file.statements) {
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) addModule(statement.moduleSpecifier, checker, modules);
  }
  return modules;
}

function addModule(specifier: ts.Node, checker: ts.TypeChecker, into: ts.SourceFile[]): void {
  const declaration = checker.getSymbolAtLocation(specifier)?.valueDeclaration;
  if (declaration && ts.isSourceFile(declaration)) into.push(declaration);
}
