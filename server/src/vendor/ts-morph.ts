// The one copy of ts-morph (and the TypeScript compiler inside it) that the CLI and the language server share:
// bundled on its own as dist/ts-morph.js, so loading skew does not mean loading the compiler (see scripts/build.mjs).
export * from 'ts-morph';
export { getLibFiles } from '@ts-morph/common';
