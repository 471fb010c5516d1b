// Everything a check needs from the TypeScript compiler, in one module so it can be loaded only when needed
// (see load-analysis.ts).
import type { ts } from '@ts-morph/common';
import { adapters } from '../adapters/index';
import type { SkewConfig, SourceTree } from '../common/source';
import { createExtractor as createContractExtractor, type Extractor, type Seed } from '../contracts/extractor';

export { readCompilerOptions } from '../contracts/compiler-options';
export { splitProblems } from './problems';
export { readJsonWithComments } from '../contracts/json-with-comments';

/** The extractor with every adapter: each turns itself on when the project depends on its library. */
export function createExtractor(tree: SourceTree, config: SkewConfig, options: ts.CompilerOptions, seed?: Seed): Extractor {
  return createContractExtractor(tree, config, options, seed, adapters);
}
