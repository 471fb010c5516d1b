import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { toBaselineUri } from '../../server/src/shared/baseline-uri';
import { AcceptBreak, ListRefsRequest, type AcceptBreakParams, type AcceptBreakTarget } from '../../server/src/shared/protocol';
import type { FolderStatuses } from './folder-statuses';
import { ReportPanel } from './report/report-panel';

export interface CommandContext {
  client: LanguageClient;
  statuses: FolderStatuses;
}

/** Compare with Deployed Version: VS Code's diff of the baseline text (left) and the file (right). */
async function compareWithBaseline(ctx: CommandContext, target?: vscode.Uri): Promise<void> {
  const file = target ?? vscode.window.activeTextEditor?.document.uri;
  if (!file || file.scheme !== 'file') {
    void vscode.window.showInformationMessage('Skew: open a TypeScript file of the workspace to compare it with the deployed version.');
    return;
  }
  const status = ctx.statuses.forResource(file);
  if (!status?.commit || !status.root) {
    void vscode.window.showWarningMessage(status?.message ?? 'Skew: no baseline yet for this folder; wait for the first check.');
    return;
  }
  const rel = path.relative(status.root, file.fsPath);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    void vscode.window.showInformationMessage(`Skew: ${file.fsPath} is outside the project ${status.root}.`);
    return;
  }
  const left = vscode.Uri.parse(toBaselineUri({ file: rel.split(path.sep).join('/'), commit: status.commit, root: status.root }));
  const title = `${path.basename(file.fsPath)} (${status.baseline ?? 'baseline'} ↔ working tree)`;
  await vscode.commands.executeCommand('vscode.diff', left, file, title);
}

const AUTOMATIC = 'Automatic';

/** Select Baseline…: tags newest first, then branches; stored per folder in `skew.baseline`. */
async function selectBaseline(ctx: CommandContext): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder =
    (active && vscode.workspace.getWorkspaceFolder(active)) ??
    (folders.length > 1 ? await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Baseline for which folder?' }) : folders[0]);
  if (!folder) return;
  const answer = await ctx.client.sendRequest(ListRefsRequest.type, { folder: folder.uri.toString() });
  if (answer.message) {
    void vscode.window.showWarningMessage(`Skew: ${answer.message}`);
    return;
  }
  const current = vscode.workspace.getConfiguration('skew', folder.uri).get<string>('baseline', '');
  const items: (vscode.QuickPickItem & { ref: string })[] = [
    { label: AUTOMATIC, description: 'skew.json "baseline", else tag deployed, else the newest version tag', ref: '' },
    ...answer.refs.map((r) => ({
      label: r.name,
      description: `${r.kind} ${r.commit}${r.name === current ? ' (current)' : ''}`,
      iconPath: new vscode.ThemeIcon(r.kind === 'tag' ? 'tag' : 'git-branch'),
      ref: r.name,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: `Compare ${folder.name} against…`, matchOnDescription: true });
  if (!picked) return;
  await vscode.workspace
    .getConfiguration('skew', folder.uri)
    .update('baseline', picked.ref || undefined, vscode.ConfigurationTarget.WorkspaceFolder);
}

/** The Problems view; VS Code has no API to pre-fill its filter, so Skew's entries are found by their `skew` source. */
async function showProblems(): Promise<void> {
  await vscode.commands.executeCommand('workbench.actions.view.problems');
}

/** "Accept this break…": asks why, then has the server record it in skew.json. */
async function acceptBreak(ctx: CommandContext, target: unknown): Promise<void> {
  const t = target as AcceptBreakTarget | undefined;
  if (!t || typeof t.fingerprint !== 'string' || typeof t.root !== 'string') return;
  const reason = await vscode.window.showInputBox({
    title: `Accept the break at ${t.path}`,
    prompt: 'Why is shipping this break fine? Recorded in skew.json "accepted".',
    validateInput: (v) => (v.trim() ? undefined : 'A reason is required.'),
    ignoreFocusOut: true,
  });
  if (!reason?.trim()) return;
  const params: AcceptBreakParams = { ...t, reason: reason.trim() };
  await ctx.client.sendRequest('workspace/executeCommand', { command: AcceptBreak.serverCommand, arguments: [params] });
}

/** Every command of the extension, in one table. */
export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  const table: Record<string, (...args: unknown[]) => unknown> = {
    'skew.compareWithBaseline': (uri?: unknown) => compareWithBaseline(ctx, uri instanceof vscode.Uri ? uri : undefined),
    'skew.selectBaseline': () => selectBaseline(ctx),
    'skew.showProblems': () => showProblems(),
    [AcceptBreak.clientCommand]: (target?: unknown) => acceptBreak(ctx, target),
    'skew.showReport': (uri?: unknown) =>
      ReportPanel.show(ctx.client, uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri),
  };
  return Object.entries(table).map(([id, run]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await run(...args);
      } catch (e) {
        void vscode.window.showErrorMessage(`Skew: ${id} failed: ${(e as Error).message}`);
        return undefined;
      }
    }),
  );
}
