import * as path from 'node:path';
import { ts } from '@ts-morph/common';
import { parseErrors } from './parse-errors';
import type { SourceTree } from '../common/source.js';
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
 * Reads tsconfig.json at the root of `tree`, following `extends` wherever the tree lets it read: a monorepo's
 * base config is usually above the project folder. The working tree's options are used for both versions, so
 * a baseline is analysed exactly like the code being edited. `skipped` (what the tree refused to read, and
 * why) turns "file not found" into the real reason.
 */
export function readCompilerOptions(
  tree: SourceTree & { skipped?: ReadonlyMap<string, string> },
): { options: ts.CompilerOptions; inputs: ConfigInputs } | { error: string } {
  const fs = treeFileSystem(tree);
  const configPath = fs.absolute('tsconfig.json');
  const text = tree.readFile('tsconfig.json');
  const refused = (rel: string) => tree.skipped?.get(rel);
  if (text === undefined) {
    const why = refused('tsconfig.json');
    return { error: why ? `tsconfig.json in ${tree.label} is ${why}.` : `No tsconfig.json at the root of ${tree.label} (${tree.root}).` };
  }

  const inputs: ConfigInputs = { reads: { 'tsconfig.json': text }, probes: {} };
  const json = ts.parseJsonText(configPath, text);
  // Unlike the compiler's, this host may ask the tree for paths above its root ('../tsconfig.base.json').
  const relative = (file: string) => (fs.isLib(file) ? undefined : path.posix.relative(fs.rootPath, file.replace(/\\/g, '/')));
  const host: ts.ParseConfigHost = {
    useCaseSensitiveFileNames: true,
    readDirectory: () => [],
    fileExists: (file) => {
      const rel = relative(file);
      if (rel === undefined || rel === '') return fs.fileExists(file);
      const exists = tree.fileExists(rel);
      inputs.probes[rel] = exists;
      return exists;
    },
    readFile: (file) => {
      const rel = relative(file);
      if (rel === undefined || rel === '') return fs.readFile(file);
      const content = tree.readFile(rel);
      inputs.reads[rel] = content;
      return content;
    },
  };
  const parsed = ts.parseJsonSourceFileConfigFileContent(json, host, fs.rootPath, undefined, configPath);
  // The JSON syntax errors are not in `parsed.errors`.
  const errors = [...parseErrors(json), ...parsed.errors].filter(
    (d) => d.code !== NO_INPUTS_FOUND,
  );
  const [firstError] = errors;
  if (firstError) {
    const skipped = Object.keys({ ...inputs.probes, ...inputs.reads }).find((rel) => refused(rel));
    if (skipped) return { error: `tsconfig.json in ${tree.label} refers to ${skipped}, which is ${refused(skipped)}.` };
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
