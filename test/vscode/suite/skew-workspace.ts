// Helpers the extension-host tests share: the fixture workspace (see ../fixture-repo.ts) as VS Code sees it.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import manifest from '../../../package.json';
import { EXPECTED, MESSAGE_FILE } from '../fixture-repo';
import { eventually } from './harness';

const execFileAsync = promisify(execFile);

export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

/** The extension under test, activated (an activation error fails the test with VS Code's message). */
export async function skewExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  await ext.activate();
  return ext;
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs the fixture repository opened as the workspace folder');
  return folder.uri.fsPath;
}

export function messageUri(): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), ...MESSAGE_FILE.split('/')));
}

/** Diagnostic codes come back as a string or, with a codeDescription, as { value, target }. */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function skewDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'skew');
}

export async function openMessageFile(): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(messageUri());
  return vscode.window.showTextDocument(doc);
}

/** Waits for the fixture's breaking change to be reported (the language server needs a moment after activation). */
export async function expectedDiagnostic(timeoutMs = 60_000): Promise<vscode.Diagnostic> {
  await skewExtension();
  await openMessageFile();
  return eventually(
    `a ${EXPECTED.rule} diagnostic in ${MESSAGE_FILE}`,
    () => skewDiagnostics(messageUri()).find((d) => codeOf(d) === EXPECTED.rule),
    timeoutMs,
  );
}

export async function gitShow(ref: string, file: string): Promise<string> {
  const { stdout } = await execFileAsync('git', ['show', `${ref}:${file}`], { cwd: workspaceRoot() });
  return stdout;
}
