import { ts } from 'ts-morph';
import type { SourceTree } from './source.js';
import { treeFileSystem } from './tree-file-system.js';

/** tsconfig `include` finding nothing is irrelevant here: the roots come from discovery, not from the config. */
const NO_INPUTS_FOUND = 18003;

/**
 * Reads tsconfig.json at the root of `tree` (following `extends` inside the tree). The working tree's options
 * are used for both versions, so a baseline is analysed exactly like the code being edited.
 */
export function readCompilerOptions(tree: SourceTree): { options: ts.CompilerOptions } | { error: string } {
  const fs = treeFileSystem(tree);
  const configPath = fs.absolute('tsconfig.json');
  const text = tree.readFile('tsconfig.json');
  if (text === undefined) return { error: `No tsconfig.json at the root of ${tree.label} (${tree.root}).` };

  const json = ts.parseJsonText(configPath, text);
  const host: ts.ParseConfigHost = {
    useCaseSensitiveFileNames: true,
    readDirectory: () => [],
    fileExists: (file) => fs.fileExists(file),
    readFile: (file) => fs.readFile(file),
  };
  const parsed = ts.parseJsonSourceFileConfigFileContent(json, host, fs.rootPath, undefined, configPath);
  const errors = [...(json as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [], ...parsed.errors].filter(
    (d) => d.code !== NO_INPUTS_FOUND,
  );
  if (errors.length > 0) {
    return { error: `Invalid tsconfig.json in ${tree.label}: ${describe(errors[0])}` };
  }
  return { options: parsed.options };
}

function describe(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  if (!diagnostic.file || diagnostic.start === undefined) return message;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${message} (${diagnostic.file.fileName}:${line + 1}:${character + 1})`;
}
