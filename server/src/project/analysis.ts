// Everything a check needs from the TypeScript compiler, in one module so it can be loaded only when needed
// (see load-analysis.ts).
export { readCompilerOptions } from '../contracts/compiler-options';
export { createExtractor } from '../contracts/extractor';
export { splitProblems } from './problems';
