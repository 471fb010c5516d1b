import { ts } from '@ts-morph/common';

let empty: ts.Program | undefined;

/**
 * The syntax errors of a parsed TypeScript or JSON file, through the public compiler API.
 * `getSyntacticDiagnostics` reads only the file it is given, so one program without files serves every file,
 * and nothing else is read or checked (a program built over a JSON file would treat it as a module).
 */
export function parseErrors(source: ts.SourceFile): readonly ts.Diagnostic[] {
  empty ??= ts.createProgram({
    rootNames: [],
    options: { noLib: true, noResolve: true, types: [] },
    host: {
      getSourceFile: () => undefined,
      getDefaultLibFileName: () => 'lib.d.ts',
      writeFile: () => undefined,
      getCurrentDirectory: () => '/',
      getCanonicalFileName: (file) => file,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => '\n',
      fileExists: () => false,
      readFile: () => undefined,
    },
  });
  return empty.getSyntacticDiagnostics(source);
}
