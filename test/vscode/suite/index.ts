// Entry of the extension-host suite: VS Code loads this module (bundled to out/test/vscode/suite/index.js) and
// calls run(). Test files are imported explicitly, in the order they should run.
import * as vscode from 'vscode';
import { runRegisteredTests } from './harness';
import './diagnostics.test';
import './baseline-document.test';
import './commands.test';
import './report-live.test';

export function run(): Promise<void> {
  return runRegisteredTests({ uiKind: vscode.UIKind[vscode.env.uiKind] });
}
