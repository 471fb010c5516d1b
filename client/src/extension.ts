import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StatusNotification } from '../../server/src/shared/protocol';
import { registerBaselineDocuments } from './baseline-documents';
import { createClient } from './client';
import { registerCommands } from './commands';
import { FolderStatuses } from './folder-statuses';
import { createStatusBar } from './status-bar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Skew', { log: true });
  const statuses = new FolderStatuses();
  client = createClient(context, output);
  const started = client;
  context.subscriptions.push(
    output,
    statuses,
    createStatusBar(statuses),
    registerBaselineDocuments(started),
    ...registerCommands({ client: started, statuses }),
    started.onNotification(StatusNotification.type, (status) => statuses.set(status)),
    // Trust changes what the server may do with workspace settings; a restart re-sends it.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void started.restart()),
  );
  try {
    await started.start();
  } catch (e) {
    // VS Code does not show activation errors by itself.
    void vscode.window.showErrorMessage(`Skew could not start its language server: ${(e as Error).message}`);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
