// npm run test:vscode — the extension-host suite (test/vscode/suite) against a fixture git repository.
// Uses code-server's extension host through scripts/e2e/code-wrapper.sh unless SKEW_USE_DOWNLOADED_VSCODE=1 or
// SKEW_VSCODE_EXECUTABLE is set (see launch.ts). Needs `npm run build` (dist/) and, for code-server,
// .ci/e2e-setup.sh.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';
import { createFixtureRepo } from './fixture-repo';
import { launchSuite } from './launch';

const REPO = path.resolve(__dirname, '..', '..');
const SUITE_OUT = path.join(REPO, 'out', 'test', 'vscode', 'suite', 'index.js');

async function buildSuite(): Promise<void> {
  await build({
    entryPoints: [path.join(__dirname, 'suite', 'index.ts')],
    outfile: SUITE_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

async function main(): Promise<number> {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { main?: string };
  const entry = manifest.main ? path.join(REPO, manifest.main) : undefined;
  if (!entry || !fs.existsSync(entry)) {
    console.error(`test:vscode: the extension entry ${manifest.main ?? '(package.json "main")'} is missing: run npm run build first`);
    return 2;
  }
  const t0 = Date.now();
  await buildSuite();
  const fixture = await createFixtureRepo();
  try {
    await launchSuite({ extensionDevelopmentPath: REPO, extensionTestsPath: SUITE_OUT, workspaceFolder: fixture.root });
    console.log(`test:vscode passed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return 0;
  } catch (e) {
    console.error(`test:vscode failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    fixture.remove();
  }
}

main().then((code) => process.exit(code), (e: unknown) => {
  console.error(`test:vscode: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
});
