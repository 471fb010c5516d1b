import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, type LanguageClient } from 'vscode-languageclient/node';
import { StatusNotification, type StatusParams } from '../../server/src/shared/protocol';
import { registerBaselineDocuments } from './baseline-documents';
import { BaselineChoice } from './baseline-choice';
import { createClient } from './client';
import { registerCommands } from './commands';
import { FolderStatuses } from './folder-statuses';
import { MissingBaselinePrompt } from './missing-baseline';
import { ReportPanel } from './report/report-panel';
import { createStatusBar } from './status-bar';

let client: LanguageClient | undefined;

/** What the extension-host tests read; nothing else uses it. */
export interface SkewTestApi {
  baselineChoice(folder: vscode.Uri): string | undefined;
  statuses(): StatusParams[];
  report(): ReturnType<typeof ReportPanel.lastResult>;
}

export async function activate(context: vscode.ExtensionContext): Promise<SkewTestApi> {
  const output = vscode.window.createOutputChannel('Skew', { log: true });
  const statuses = new FolderStatuses();
  const choice = new BaselineChoice(context.workspaceState);
  client = createClient(context, output, choice);
  const started = client;
  const prompt = new MissingBaselinePrompt(context.workspaceState);
  context.subscriptions.push(
    output,
    statuses,
    choice,
    createStatusBar(statuses),
    registerBaselineDocuments(started),
    ...registerCommands({ client: started, statuses, choice, output }),
    started.onNotification(StatusNotification.type, (status) => {
      statuses.set(status);
      prompt.consider(status);
      ReportPanel.outdated();
    }),
    // A new pick is a new `skew.baseline` for the server: it pulls the configuration again.
    choice.onDidChange(() => void started.sendNotification(DidChangeConfigurationNotification.type, { settings: null })),
    vscode.languages.onDidChangeDiagnostics(() => ReportPanel.outdated()),
    // Trust changes what the server may do with workspace settings; a restart re-sends it.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void started.restart()),
  );
  void vscode.commands.executeCommand('setContext', 'skew.hasWorkspaceBaseline', choice.any());
  try {
    await started.start();
  } catch (e) {
    // VS Code does not show activation errors by itself.
    void vscode.window.showErrorMessage(`Skew could not start its language server: ${(e as Error).message}`);
  }
  return { baselineChoice: (folder) => choice.get(folder), statuses: () => statuses.all(), report: () => ReportPanel.lastResult() };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
