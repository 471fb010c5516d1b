import { ts } from '@ts-morph/common';

/**
 * The syntax errors of a parsed file, through the public compiler API: a program of that one file, without
 * lib files or module resolution, so nothing else is read or checked.
 */
export function parseErrors(source: ts.SourceFile): readonly ts.Diagnostic[] {
  const host: ts.CompilerHost = {
    getSourceFile: () => source,
    getDefaultLibFileName: () => 'lib.d.ts',
    writeFile: () => undefined,
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (file) => file,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (file) => file === source.fileName,
    readFile: () => undefined,
  };
  const program = ts.createProgram({ rootNames: [source.fileName], options: { noLib: true, noResolve: true, types: [] }, host });
  return program.getSyntacticDiagnostics(source);
}
