// Starts an extension-host suite with @vscode/test-electron's runTests. VS Code cannot be downloaded on the
// project's CI machines, so by default the "VS Code executable" is scripts/e2e/code-wrapper.sh, which runs the
// same suite in code-server's extension host. SKEW_VSCODE_EXECUTABLE names a local VS Code instead, and
// SKEW_USE_DOWNLOADED_VSCODE=1 lets runTests download one where that is possible.
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

export interface SuiteLaunch {
  extensionDevelopmentPath: string;
  /** Module (or folder with index.js) exporting run(): Promise<void>. */
  extensionTestsPath: string;
  workspaceFolder: string;
  /** Passed to the extension host; names must start with SKEW_TEST_ to cross into code-server's host. */
  extensionTestsEnv?: Record<string, string>;
}

const CODE_WRAPPER = path.resolve(__dirname, '../../scripts/e2e/code-wrapper.sh');

export function vscodeExecutable(): string | undefined {
  if (process.env.SKEW_VSCODE_EXECUTABLE) return process.env.SKEW_VSCODE_EXECUTABLE;
  if (process.env.SKEW_USE_DOWNLOADED_VSCODE === '1') return undefined;
  return CODE_WRAPPER;
}

/** Resolves when every test passed; rejects (TestRunFailedError) otherwise. */
export async function launchSuite(launch: SuiteLaunch): Promise<void> {
  for (const k of Object.keys(launch.extensionTestsEnv ?? {})) {
    if (!k.startsWith('SKEW_TEST_')) throw new Error(`extensionTestsEnv key ${k} must start with SKEW_TEST_`);
  }
  await runTests({
    vscodeExecutablePath: vscodeExecutable(),
    extensionDevelopmentPath: path.resolve(launch.extensionDevelopmentPath),
    extensionTestsPath: path.resolve(launch.extensionTestsPath),
    launchArgs: [path.resolve(launch.workspaceFolder)],
    extensionTestsEnv: launch.extensionTestsEnv,
  });
}
