// The one copy of the TypeScript compiler that the CLI and the language server share, as ts-morph 28 pins it
// (its @ts-morph/common package carries TypeScript 6 and the lib declaration texts). Bundled on its own as
// dist/ts-morph.js, so loading skew does not mean loading the compiler (see scripts/build.mjs). Skew reads
// types through the compiler's own API, so ts-morph's wrapper layer is not bundled.
export { ts, getLibFiles } from '@ts-morph/common';
