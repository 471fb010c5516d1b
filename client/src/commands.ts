import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { toBaselineUri } from '../../server/src/shared/baseline-uri';
import { AcceptBreak, ListRefsRequest, PEEK_FINDINGS_COMMAND, SHOW_PLAN_COMMAND, TagDeployedRequest, type AcceptBreakParams, type AcceptBreakTarget } from '../../server/src/shared/protocol';
import { clearSharedBaseline, type BaselineChoice } from './baseline-choice';
import { EXPLAIN_COMMAND, explainUnavailableFix } from './disabled-actions';
import type { FolderStatuses } from './folder-statuses';
import { ReportPanel, type ReportFocus } from './report/report-panel';

export interface CommandContext {
  client: LanguageClient;
  statuses: FolderStatuses;
  choice: BaselineChoice;
  output: vscode.OutputChannel;
}

/** Compare with Baseline: VS Code's diff of the baseline text (left) and the file (right). */
async function compareWithBaseline(ctx: CommandContext, target?: vscode.Uri): Promise<void> {
  const file = target ?? vscode.window.activeTextEditor?.document.uri;
  if (!file || file.scheme !== 'file') {
    void vscode.window.showInformationMessage('Skew: open a TypeScript file of the workspace to compare it with the baseline.');
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
  const left = vscode.Uri.parse(toBaselineUri({ file: rel.split(path.sep).join('/'), commit: status.commit, root: status.root, label: status.baselineTab }));
  const name = path.basename(file.fsPath);
  const title = `${name} (${status.baselineTab ?? status.baseline ?? 'baseline'}) ↔ ${name}`;
  await vscode.commands.executeCommand('vscode.diff', left, file, title);
}

const AUTOMATIC = 'Automatic';
const SHARE = 'Share with the Team';

async function folderToAsk(placeHolder: string): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) ?? (folders.length > 1 ? await vscode.window.showWorkspaceFolderPick({ placeHolder }) : folders[0]);
}

/**
 * Select Baseline…: tags newest first, then branches. The pick is kept in this workspace's state, not in the
 * repository; a button moves it into the folder's `skew.baseline` setting for everyone.
 */
async function selectBaseline(ctx: CommandContext, given?: vscode.WorkspaceFolder): Promise<void> {
  const folder = given ?? (await folderToAsk('Baseline for which folder?'));
  if (!folder) return;
  const answer = await ctx.client.sendRequest(ListRefsRequest.type, { folder: folder.uri.toString() });
  if (answer.message) {
    void vscode.window.showWarningMessage(`Skew: ${answer.message}`);
    return;
  }
  const current = ctx.choice.get(folder.uri) ?? vscode.workspace.getConfiguration('skew', folder.uri).get<string>('baseline', '');
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
  if (!picked.ref) {
    await ctx.choice.set(folder.uri, undefined);
    await clearSharedBaseline(folder);
    return;
  }
  await ctx.choice.set(folder.uri, picked.ref);
  void vscode.window
    .showInformationMessage(`Skew compares ${folder.name} with ${picked.ref} in this workspace only.`, SHARE)
    .then((button) => (button === SHARE ? shareBaseline(ctx, folder) : undefined));
}

/** Moves this workspace's pick into the folder's `skew.baseline` setting (.vscode/settings.json), for everyone. */
async function shareBaseline(ctx: CommandContext, given?: vscode.WorkspaceFolder): Promise<void> {
  const folder = given ?? (await folderToAsk('Share the baseline of which folder?'));
  const ref = folder && ctx.choice.get(folder.uri);
  if (!folder || !ref) {
    void vscode.window.showInformationMessage('Skew: pick a baseline with Skew: Select Baseline… first.');
    return;
  }
  await vscode.workspace.getConfiguration('skew', folder.uri).update('baseline', ref, vscode.ConfigurationTarget.WorkspaceFolder);
  await ctx.choice.set(folder.uri, undefined);
}

/** Tag HEAD as `deployed`: the server makes the tag through its git layer (no shell), then checks again. */
async function tagDeployed(ctx: CommandContext, folder: vscode.WorkspaceFolder): Promise<void> {
  const answer = await ctx.client.sendRequest(TagDeployedRequest.type, { folder: folder.uri.toString() });
  if (answer.message) void vscode.window.showWarningMessage(`Skew: ${answer.message}`);
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

interface LspPosition {
  line: number;
  character: number;
}
interface LspLocation {
  uri: string;
  range: { start: LspPosition; end: LspPosition };
}

const isPos = (p: unknown): p is LspPosition => !!p && typeof (p as LspPosition).line === 'number' && typeof (p as LspPosition).character === 'number';
const toPos = (p: LspPosition) => new vscode.Position(p.line, p.character);

/** A code lens's click: the contract's findings in a peek under the lens, as TypeScript's references lens does. */
async function peekFindings(uri: unknown, position: unknown, locations: unknown): Promise<void> {
  if (typeof uri !== 'string' || !isPos(position) || !Array.isArray(locations)) return;
  const locs = (locations as LspLocation[])
    .filter((l) => typeof l?.uri === 'string' && isPos(l.range?.start) && isPos(l.range?.end))
    .map((l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(toPos(l.range.start), toPos(l.range.end))));
  await vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri), toPos(position), locs);
}

function reportFocus(arg: unknown): { uri?: vscode.Uri; focus?: ReportFocus } {
  if (!arg || typeof arg !== 'object') return {};
  const a = arg as Record<string, unknown>;
  const uri = typeof a.uri === 'string' ? vscode.Uri.parse(a.uri) : undefined;
  const ok = typeof a.contract === 'string' && typeof a.path === 'string' && typeof a.rule === 'string';
  return { uri, focus: ok ? { contract: a.contract as string, path: a.path as string, rule: a.rule as string } : undefined };
}

/** Every command of the extension, in one table. */
export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  const table: Record<string, (...args: unknown[]) => unknown> = {
    'skew.compareWithBaseline': (uri?: unknown) => compareWithBaseline(ctx, uri instanceof vscode.Uri ? uri : undefined),
    'skew.selectBaseline': (folder?: unknown) => selectBaseline(ctx, isFolder(folder) ? folder : undefined),
    'skew.shareBaseline': () => shareBaseline(ctx),
    'skew.tagDeployed': (folder?: unknown) => (isFolder(folder) ? tagDeployed(ctx, folder) : undefined),
    'skew.showProblems': () => showProblems(),
    [AcceptBreak.clientCommand]: (target?: unknown) => acceptBreak(ctx, target),
    'skew.showOutput': () => ctx.output.show(true),
    'skew.showReport': (uri?: unknown) =>
      ReportPanel.show(ctx.client, uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri),
    [SHOW_PLAN_COMMAND]: (arg?: unknown) => {
      const { uri, focus } = reportFocus(arg);
      return ReportPanel.show(ctx.client, uri ?? vscode.window.activeTextEditor?.document.uri, focus);
    },
    [PEEK_FINDINGS_COMMAND]: (uri?: unknown, position?: unknown, locations?: unknown) => peekFindings(uri, position, locations),
    [EXPLAIN_COMMAND]: (title?: unknown, reason?: unknown) => explainUnavailableFix(title, reason),
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

function isFolder(v: unknown): v is vscode.WorkspaceFolder {
  return !!v && typeof v === 'object' && (v as vscode.WorkspaceFolder).uri instanceof vscode.Uri && typeof (v as vscode.WorkspaceFolder).name === 'string';
}
