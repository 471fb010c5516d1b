import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareModels } from '../../../server/src/rules';
import type { Finding } from '../../../server/src/rules';
import type { WireModel } from '../../../server/src/engine/shape';
import { readCompilerOptions } from '../../../server/src/contracts/compiler-options';
import { createExtractor } from '../../../server/src/contracts/extractor';
import { adapters } from '../../../server/src/adapters';
import { memoryTree } from '../../../server/src/contracts/memory-tree';
import { rules } from '../../../server/src/rules';
import { schemaTree } from '../contracts/schemas/schema-tree';
import type { SourceTree } from '../../../server/src/common/source';

export const FIXTURES = path.resolve(__dirname, '../../fixtures');

/** The part of a finding a fixture pins down; messages and locations are covered by the engine tests. */
export interface ExpectedFinding {
  rule: string;
  contract: string;
  path: string;
  breaks: string[];
}

export const fixtureNames = (): string[] =>
  fs
    .readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

/** Every file under `dir`, keyed by its posix path relative to `dir`. */
export function readFolder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else files[rel] = fs.readFileSync(path.join(dir, rel), 'utf8');
    }
  };
  walk('');
  return files;
}

export interface Extracted {
  model: WireModel;
  problems: string[];
}

/** A fixture that imports a schema library reads the real one from the repository's node_modules. */
const SCHEMA_IMPORT = /from ['"](zod|zod\/v3|zod\/mini|zod3|valibot)['"]/;

export const importsSchemaLibrary = (files: Record<string, string>): boolean => Object.values(files).some((text) => SCHEMA_IMPORT.test(text));

/** The fixture's files as a source tree; one that imports a schema library also sees the real node_modules. */
export const fixtureTree = (files: Record<string, string>, label: string): SourceTree =>
  importsSchemaLibrary(files) ? schemaTree(files, label) : memoryTree(files, label);

export function extractFolder(dir: string, label: string): Extracted {
  const tree = fixtureTree(readFolder(dir), label);
  const compiler = readCompilerOptions(tree);
  if ('error' in compiler) throw new Error(compiler.error);
  // Adapters turn on only for a fixture whose package.json depends on their library (codec-changed's tRPC router).
  const { model, problems } = createExtractor(tree, {}, compiler.options, undefined, adapters).extract();
  return { model, problems: problems.map((p) => `${p.file}:${p.range.start.line + 1}: ${p.message}`) };
}

export const project = (f: Finding): ExpectedFinding => ({ rule: f.rule, contract: f.contract, path: f.path, breaks: [...f.breaks] });

/** Every registered rule on the pair, as the product runs them. */
export const compareAll = (oldModel: WireModel, newModel: WireModel): ExpectedFinding[] =>
  compareModels(oldModel, newModel, { rules }).findings.map(project);

export const readExpected = (name: string): ExpectedFinding[] =>
  JSON.parse(fs.readFileSync(path.join(FIXTURES, name, 'expected.json'), 'utf8')) as ExpectedFinding[];
