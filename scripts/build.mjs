// Bundles the extension client, the language server and the CLI into dist/ (CommonJS, Node 20).
//
// ts-morph and the TypeScript compiler (~13 MB) go into a bundle of their own, dist/ts-morph.js, which the server
// and the CLI require at run time. Node then reads and compiles the compiler only when a check really needs it:
// a warm `skew check`, whose models all come from the cache, never does.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['vscode'],
};

/** Imports of ts-morph or @ts-morph/common become a run-time require of the shared bundle beside the output. */
const sharedTsMorph = {
  name: 'shared-ts-morph',
  setup(b) {
    b.onResolve({ filter: /^(ts-morph|@ts-morph\/common)$/ }, () => ({ path: './ts-morph.js', external: true }));
  },
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' }),
  build({ ...common, entryPoints: ['server/src/vendor/ts-morph.ts'], outfile: 'dist/ts-morph.js' }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', plugins: [sharedTsMorph] }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', plugins: [sharedTsMorph] }),
]);
