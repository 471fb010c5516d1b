import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { toBaselineUri } from '../../../server/src/shared/baseline-uri';
import { ReportRequest, type ReportResult } from '../../../server/src/shared/protocol';
import { renderMessageHtml, renderReportHtml } from './render-html';

/** A finding to open the report at (Show the rollout plan for this change). */
export interface ReportFocus {
  contract: string;
  path: string;
  rule: string;
}

/** Long enough to merge the checks of a burst of keystrokes into one refresh. */
const LIVE_DEBOUNCE_MS = 400;

/** What the page's script may ask for; anything else is ignored. */
type PageMessage =
  | { type: 'open'; target: 'source' | 'baseline'; file: string; line: number; character: number; endLine: number; endCharacter: number }
  | { type: 'export' | 'copy' | 'refresh' };

/**
 * Skew: Show Compatibility Report. One panel, reused: the server builds the report (findings, witnesses, plan,
 * Markdown); this side only renders it and carries out what the page asks (open a place, export, copy).
 */
export class ReportPanel {
  static readonly viewType = 'skew.report';
  private static current: ReportPanel | undefined;

  private result: ReportResult | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** Checks finished while the panel was hidden: refresh when it shows again. */
  private stale = false;
  private timer: NodeJS.Timeout | undefined;
  private focus: ReportFocus | undefined;
  /** The next refresh is the one show() asked for: it keeps the focus it was given. */
  private opening = false;
  /** Changes with every show() at a finding, so the page scrolls to it again even if it was scrolled away before. */
  private focusToken = 0;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly client: LanguageClient,
    private uri: string | undefined,
  ) {
    panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
    panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m), undefined, this.disposables);
    panel.onDidChangeViewState(() => {
      if (panel.visible && this.stale) void this.refresh(true);
    }, undefined, this.disposables);
  }

  /** The report on screen, for the extension-host tests. */
  static lastResult(): ReportResult | undefined {
    return ReportPanel.current?.result;
  }

  /**
   * A check finished (diagnostics or the baseline changed): the report follows, debounced, while it is visible;
   * a hidden one refreshes when it is shown again.
   */
  static outdated(): void {
    const current = ReportPanel.current;
    if (!current) return;
    if (current.timer) clearTimeout(current.timer);
    current.timer = setTimeout(() => {
      current.timer = undefined;
      if (current.panel.visible) void current.refresh(true);
      else current.stale = true;
    }, LIVE_DEBOUNCE_MS);
  }

  /** Shows the report of the folder holding `resource` (the active editor's by default). */
  static async show(client: LanguageClient, resource?: vscode.Uri, focus?: ReportFocus): Promise<void> {
    const folder = resource ? (vscode.workspace.getWorkspaceFolder(resource)?.uri ?? resource) : undefined;
    const uri = folder?.toString();
    if (ReportPanel.current) {
      ReportPanel.current.uri = uri;
      ReportPanel.current.panel.reveal();
    } else {
      const panel = vscode.window.createWebviewPanel(ReportPanel.viewType, 'Skew: Compatibility Report', vscode.ViewColumn.Active, {
        enableScripts: true,
        // The page needs no file of ours or the user's: everything is inline and nonce-checked.
        localResourceRoots: [],
        enableFindWidget: true,
      });
      ReportPanel.current = new ReportPanel(panel, client, uri);
    }
    ReportPanel.current.focus = focus;
    ReportPanel.current.opening = true;
    ReportPanel.current.focusToken++;
    await ReportPanel.current.refresh();
  }

  /** `quiet`: a live refresh keeps the page (and its scroll position) until the new report is there. */
  private async refresh(quiet = false): Promise<void> {
    this.stale = false;
    // The finding the report was opened at stays marked through live refreshes; Refresh starts afresh.
    if (!quiet && !this.opening) this.focus = undefined;
    this.opening = false;
    if (!quiet) this.render({ message: 'Checking…' });
    let result: ReportResult;
    try {
      result = await this.client.sendRequest(ReportRequest.type, { uri: this.uri });
    } catch (e) {
      result = { message: `Skew could not get the report from its language server: ${(e as Error).message}` };
    }
    this.result = result;
    this.render(result);
  }

  private render(result: ReportResult): void {
    const focus = this.focus && result.report ? focusId(result, this.focus) : undefined;
    const options = { nonce: randomBytes(16).toString('base64'), cspSource: this.panel.webview.cspSource, focus: focus && `${focus}:${this.focusToken}` };
    this.panel.webview.html = result.report ? renderReportHtml(result.report, options) : renderMessageHtml(result.message ?? 'No report.', options);
  }

  private async onMessage(raw: unknown): Promise<void> {
    const m = raw as PageMessage;
    try {
      switch (m?.type) {
        case 'open':
          return await this.open(m);
        case 'export':
          return await this.exportMarkdown();
        case 'copy':
          if (!this.result?.markdown) return;
          await vscode.env.clipboard.writeText(this.result.markdown);
          void vscode.window.showInformationMessage('Skew: the compatibility report is on the clipboard (Markdown).');
          return;
        case 'refresh':
          return await this.refresh();
      }
    } catch (e) {
      void vscode.window.showErrorMessage(`Skew: ${(e as Error).message}`);
    }
  }

  private async open(m: Extract<PageMessage, { type: 'open' }>): Promise<void> {
    const report = this.result?.report;
    // The page is ours, but its messages are still input: only project-relative paths inside the root.
    if (!report || typeof m.file !== 'string' || !m.file || m.file.startsWith('/') || m.file.split('/').includes('..')) return;
    const num = (n: unknown) => (typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : 0);
    const range = new vscode.Range(num(m.line), num(m.character), num(m.endLine), num(m.endCharacter));
    const uri =
      m.target === 'baseline'
        ? vscode.Uri.parse(toBaselineUri({ file: m.file, commit: report.baseline.commit, root: report.root }))
        : vscode.Uri.file(path.join(report.root, ...m.file.split('/')));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { selection: range, viewColumn: vscode.ViewColumn.Beside, preview: true });
  }

  private async exportMarkdown(): Promise<void> {
    const markdown = this.result?.markdown;
    const report = this.result?.report;
    if (!markdown || !report) return;
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(path.join(report.root, `skew-report-${report.baseline.ref.replace(/[^\w.-]+/g, '_')}.md`)),
      filters: { Markdown: ['md'] },
      saveLabel: 'Export report',
      title: 'Export the compatibility report as Markdown',
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(markdown));
    void vscode.window.showInformationMessage(`Skew: report saved to ${target.fsPath}.`);
  }

  private dispose(): void {
    if (ReportPanel.current === this) ReportPanel.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

/** The report's id of the focused finding, when the report still has it. */
function focusId(result: ReportResult, focus: ReportFocus): string | undefined {
  for (const c of result.report?.contracts ?? []) {
    const f = c.findings.find((x) => x.contract === focus.contract && x.path === focus.path && x.rule === focus.rule);
    if (f) return f.id;
  }
  return undefined;
}
