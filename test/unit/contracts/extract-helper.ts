import { createExtractor, type ExtractResult } from '../../../server/src/contracts/extractor.js';
import { readCompilerOptions } from '../../../server/src/contracts/compiler-options.js';
import { memoryTree } from '../../../server/src/contracts/memory-tree.js';
import type { SkewConfig } from '../../../server/src/common/source.js';
import type { Shape, WireModel } from '../../../server/src/engine/shape.js';

export function extractFiles(files: Record<string, string>, config: SkewConfig = {}): ExtractResult {
  const tree = memoryTree(files);
  const read = readCompilerOptions(tree);
  if ('error' in read) throw new Error(read.error);
  return createExtractor(tree, config, read.options).extract();
}

/** The shape of a named type, failing loudly when it is missing. */
export function typeShape(model: WireModel, name: string): Shape {
  const entry = model.types[name];
  if (!entry) throw new Error(`no type '${name}' in model; have: ${Object.keys(model.types).join(', ')}`);
  return entry.shape;
}

/** A deep copy without locations, for comparing versions that differ only in where things are written. */
export function withoutLocs<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'loc' ? undefined : v))) as T;
}
