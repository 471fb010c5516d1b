import * as fs from 'node:fs';
import * as path from 'node:path';
import { getLibFiles, ts } from '@ts-morph/common';
import { REPO_ROOT } from '../contracts/schemas/schema-tree';
import { parseErrors } from '../../../server/src/contracts/parse-errors';
import type { ParsedFile } from '../../../server/src/contracts/parsed-file';
import { positionAt } from '../../../server/src/contracts/text-positions';

/** Parse errors, as one-line messages. */
export function syntaxErrors(parsed: ParsedFile): string[] {
  return parseErrors(parsed.source).map((d) => `${parsed.file}:${positionAt(parsed.source, d.start ?? 0).line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

const libCache = new Map<string, ts.SourceFile>();
let libTexts: Map<string, string> | undefined;
const LIB_DIR = '/ts-lib/';

/**
 * Semantic and syntactic errors of a small in-memory project (strict, ES2022 lib), without positions so two
 * versions of the same files can be compared by message. The lib files come from ts-morph's bundled copies,
 * the same ones the extractor uses, since the TypeScript it bundles has none on disk.
 */
export function projectErrors(files: Record<string, string>): string[] {
  const root = '/virtual/';
  const options: ts.CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    noEmit: true,
    types: [],
  };
  libTexts ??= new Map(getLibFiles().map((lib) => [LIB_DIR + lib.fileName, lib.text]));
  const libs = libTexts;
  const defaultHost = ts.createCompilerHost(options, true);
  // A schema library is read from the repository's node_modules, so a fix to a zod or valibot schema is type-checked against the real one.
  const modules = root + 'node_modules/';
  const onDisk = (name: string) => path.join(REPO_ROOT, 'node_modules', name.slice(modules.length));
  const inTree = (name: string) =>
    name.startsWith(modules) ? (fs.existsSync(onDisk(name)) && fs.statSync(onDisk(name)).isFile() ? fs.readFileSync(onDisk(name), 'utf8') : undefined) : name.startsWith(root) ? files[name.slice(root.length)] : libs.get(name);
  const host: ts.CompilerHost = {
    ...defaultHost,
    getCurrentDirectory: () => root,
    getDefaultLibLocation: () => LIB_DIR,
    getDefaultLibFileName: () => LIB_DIR + 'lib.es2022.d.ts',
    fileExists: (name) => inTree(name) !== undefined,
    readFile: (name) => inTree(name),
    directoryExists: (name) => (name.startsWith(modules) ? fs.existsSync(onDisk(name)) : name.startsWith(root) || name.startsWith(LIB_DIR) || name === '/'),
    realpath: (name) => name,
    getDirectories: () => [],
    getSourceFile: (name, languageVersion) => {
      const text = inTree(name);
      if (text === undefined) return undefined;
      if (name.startsWith(root)) return ts.createSourceFile(name, text, languageVersion, true);
      let lib = libCache.get(name);
      if (!lib) {
        lib = ts.createSourceFile(name, text, languageVersion, true);
        libCache.set(name, lib);
      }
      return lib;
    },
  };
  const rootNames = Object.keys(files).filter((f) => /\.(ts|tsx|mts|cts)$/.test(f)).map((f) => root + f);
  const program = ts.createProgram({ rootNames, options, host });
  const errors: string[] = [];
  for (const sf of program.getSourceFiles()) {
    if (!sf.fileName.startsWith(root) || sf.fileName.startsWith(modules)) continue;
    for (const d of [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) {
      errors.push(`${sf.fileName.slice(root.length)}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    }
  }
  return errors.sort();
}

