// Bundles the extension client, the language server and the CLI into dist/ (CommonJS, Node 20).
//
// ts-morph and the TypeScript compiler (~13 MB) go into a bundle of their own, dist/ts-morph.js, which the server
// and the CLI require at run time. Node then reads and compiles the compiler only when a check really needs it:
// a warm `skew check`, whose models all come from the cache, never does.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Identifies the engine a bundle was built from (its sources and locked dependencies). Cache entries carry it,
 * so a rebuilt skew never reuses a model or comparison made by different code.
 */
function buildId() {
  const hash = createHash('sha256');
  const sources = readdirSync('server/src', { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).sort();
  for (const file of [...sources.map((f) => join('server/src', f)), 'package-lock.json']) {
    hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

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

const engine = { plugins: [sharedTsMorph], define: { SKEW_BUILD_ID: JSON.stringify(buildId()) } };

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' }),
  build({ ...common, entryPoints: ['server/src/vendor/ts-morph.ts'], outfile: 'dist/ts-morph.js' }),
  build({ ...common, entryPoints: ['server/src/language-server.ts'], outfile: 'dist/server.js', ...engine }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', ...engine }),
]);
