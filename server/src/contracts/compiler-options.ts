import { ts } from 'ts-morph';
import type { SourceTree } from './source.js';
import { treeFileSystem } from './tree-file-system.js';

/** tsconfig `include` finding nothing is irrelevant here: the roots come from discovery, not from the config. */
const NO_INPUTS_FOUND = 18003;

/**
 * What reading the options looked at, as paths relative to the tree: each file read (undefined when it could
 * not be) and each existence probe of `extends` resolution. The same answers mean the same options.
 */
export interface ConfigInputs {
  reads: Record<string, string | undefined>;
  probes: Record<string, boolean>;
}

/**
 * Reads tsconfig.json at the root of `tree` (following `extends` inside the tree). The working tree's options
 * are used for both versions, so a baseline is analysed exactly like the code being edited.
 */
export function readCompilerOptions(tree: SourceTree): { options: ts.CompilerOptions; inputs: ConfigInputs } | { error: string } {
  const fs = treeFileSystem(tree);
  const configPath = fs.absolute('tsconfig.json');
  const text = tree.readFile('tsconfig.json');
  if (text === undefined) return { error: `No tsconfig.json at the root of ${tree.label} (${tree.root}).` };

  const inputs: ConfigInputs = { reads: { 'tsconfig.json': text }, probes: {} };
  const json = ts.parseJsonText(configPath, text);
  const host: ts.ParseConfigHost = {
    useCaseSensitiveFileNames: true,
    readDirectory: () => [],
    fileExists: (file) => {
      const exists = fs.fileExists(file);
      const rel = fs.relative(file);
      if (rel !== undefined) inputs.probes[rel] = exists;
      return exists;
    },
    readFile: (file) => {
      const content = fs.readFile(file);
      const rel = fs.relative(file);
      if (rel !== undefined) inputs.reads[rel] = content;
      return content;
    },
  };
  const parsed = ts.parseJsonSourceFileConfigFileContent(json, host, fs.rootPath, undefined, configPath);
  const errors = [...(json as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [], ...parsed.errors].filter(
    (d) => d.code !== NO_INPUTS_FOUND,
  );
  const [firstError] = errors;
  if (firstError) {
    return { error: `Invalid tsconfig.json in ${tree.label}: ${describe(firstError)}` };
  }
  return { options: parsed.options, inputs };
}

function describe(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  if (!diagnostic.file || diagnostic.start === undefined) return message;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${message} (${diagnostic.file.fileName}:${line + 1}:${character + 1})`;
}
