// Runs an extension-host test suite (the kind @vscode/test-electron runs in desktop VS Code) inside code-server's
// Node extension host, with headless chromium as the window.
//
//   node --import tsx scripts/e2e/run-exthost-tests.ts <extensionDevelopmentPath> <extensionTestsPath> [folder]
//
// The suite reports through two channels: VS Code calls window.codeAutomationExit(code) when the suite's run()
// settles, and the suite writes a results file (path in SKEW_TEST_RESULTS_FILE) listing each test.
// Environment variables named SKEW_TEST_* are forwarded to the extension host.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchChromium } from './chromium';
import { startCodeServer } from './code-server';
import { E2eSetupError } from './e2e-env';

export interface SuiteResults {
  passed: string[];
  failed: { title: string; error: string }[];
  node?: string;
  uiKind?: string;
}

export interface ExtHostRun {
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  folder?: string;
  timeoutMs?: number;
}

// the workbench looks for extension updates and sign-ins; on an offline machine those fail harmlessly
const OFFLINE_NOISE = /ENOTFOUND|open-vsx\.org|EAI_AGAIN|github\.com|authentication provider 'github'/;

const t0 = Date.now();
const log = (...parts: unknown[]) => console.log(`[exthost-tests +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...parts);

function forwardedEnv(resultsFile: string): Record<string, string> {
  const env: Record<string, string> = { SKEW_TEST_RESULTS_FILE: resultsFile };
  for (const [k, v] of Object.entries(process.env)) if (k.startsWith('SKEW_TEST_') && v !== undefined && !(k in env)) env[k] = v;
  return env;
}

/** Exit code: 0 all passed, 1 a test failed, 3 timed out, 4 the suite never reported. */
export async function runExtensionHostTests(run: ExtHostRun): Promise<number> {
  const devPath = path.resolve(run.extensionDevelopmentPath);
  const testsPath = path.resolve(run.extensionTestsPath);
  const folder = path.resolve(run.folder ?? devPath);
  for (const p of [devPath, folder]) if (!fs.existsSync(p)) throw new E2eSetupError(`no such folder: ${p}`);
  const timeoutMs = run.timeoutMs ?? Number(process.env.SKEW_E2E_TIMEOUT_MS || 180_000);

  const server = await startCodeServer({ smokeTestDriver: true });
  log(`code-server on port ${server.port} (run folder ${server.runDir})`);
  const resultsFile = path.join(server.runDir, 'results.json');
  let exitCode = 4;
  const browser = await launchChromium(server.env.chromium, path.join(server.runDir, 'chromium'));
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    let timer: NodeJS.Timeout | undefined;
    const finished = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        log(`timed out after ${timeoutMs} ms waiting for the suite`);
        resolve(3);
      }, timeoutMs);
      // must exist before the workbench loads: VS Code looks for it when the suite settles
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const text = (args ?? []).map(String).join(' ');
      if (process.env.SKEW_E2E_VERBOSE === '1') console.log(`[workbench ${type}]`, text);
      else if (type === 'error' && !OFFLINE_NOISE.test(text)) console.log(`[workbench error]`, text.split('\n')[0]);
    });
    page.on('pageerror', (e) => { if (process.env.SKEW_E2E_VERBOSE === '1') console.log('[page error]', e.message); });

    const config = await server.workbenchConfig();
    if (!config.developmentOptions?.enableSmokeTestDriver) {
      throw new Error('code-server did not enable the smoke-test driver: the test payload would be ignored');
    }
    const payload: [string, string][] = [
      ['extensionDevelopmentPath', await server.remoteUri(devPath)],
      ['extensionTestsPath', await server.remoteUri(testsPath)],
      ['extensionEnvironment', JSON.stringify(forwardedEnv(resultsFile))],
      ['skipWelcome', 'true'],
    ];
    await page.goto(server.folderUrl(folder, payload));
    exitCode = await finished;
    clearTimeout(timer);
    log(`suite finished with code ${exitCode}`);
  } finally {
    await browser.close().catch(() => undefined);
    const results = readResults(resultsFile);
    await server.stop();
    if (results) {
      for (const p of results.passed) console.log(`  ok    ${p}`);
      for (const f of results.failed) console.log(`  FAIL  ${f.title}\n        ${f.error.replace(/\n/g, '\n        ')}`);
      console.log(`${results.passed.length} passed, ${results.failed.length} failed (extension host: node ${results.node ?? '?'}, uiKind ${results.uiKind ?? '?'})`);
      if (exitCode === 0 && results.failed.length > 0) exitCode = 1;
      if (exitCode === 0 && results.passed.length === 0) exitCode = 4;
    } else {
      console.log('the suite wrote no results file (did the extension host start the tests?)');
      if (exitCode === 0) exitCode = 4;
    }
  }
  return exitCode;
}

function readResults(file: string): SuiteResults | undefined {
  if (!fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteResults;
}

if (require.main === module) {
  const [extensionDevelopmentPath, extensionTestsPath, folder] = process.argv.slice(2);
  if (!extensionDevelopmentPath || !extensionTestsPath) {
    console.error('usage: run-exthost-tests.ts <extensionDevelopmentPath> <extensionTestsPath> [folder]');
    process.exit(2);
  }
  runExtensionHostTests({ extensionDevelopmentPath, extensionTestsPath, folder }).then(
    (code) => {
      log(`exit code ${code}`);
      process.exit(code);
    },
    (e: unknown) => {
      console.error(`run-exthost-tests: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(5);
    },
  );
}
