import * as path from 'node:path';
import {
  CodeActionKind,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../rules';
import { fixAll, fixesFor, type Fix, type FixEdit, type FixInput } from '../fixes';
import { withoutSnippet } from '../fixes/suppress';
import { readTextFile, SOURCE_FILE_LIMIT } from '../common/safe-read';
import type { FolderChecker } from './folder-checker';
import type { ModelPair } from '../engine/shape';
import type { SkewDiagnosticData } from './to-diagnostic';
import { pathToUri, uriToPath } from './uris';
import { AcceptBreak, SHOW_PLAN_COMMAND, type AcceptBreakTarget } from '../shared/protocol';

export const FIX_ALL_KIND = 'source.fixAll.skew';
export const FIX_ALL_TITLE = 'Fix all Skew problems in this file';
/** The kinds the server registers, so editors ask for Skew's fix-all on save (`editor.codeActionsOnSave`). */
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** How long a code-action request waits for a pending check, so fixes match what is on screen. */
const SETTLE_MS = 5_000;

export interface CodeActionHost {
  folderOf(file: string): FolderChecker | undefined;
  document(uri: string): TextDocument | undefined;
  capabilities(): ClientCapabilities;
}

const matches = (only: string[] | undefined, kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));

const isSkewData = (data: unknown): data is SkewDiagnosticData =>
  !!data && typeof data === 'object' && typeof (data as SkewDiagnosticData).rule === 'string' && typeof (data as SkewDiagnosticData).path === 'string';

/**
 * Answers textDocument/codeAction: the quick fixes of the Skew diagnostics in the request, the fix-all quick fix,
 * and `source.fixAll.skew`. Every edit is a versioned document edit pinned to the version the diagnostics were
 * computed for, so an editor refuses it rather than apply it to text that moved.
 */
export async function codeActions(params: CodeActionParams, host: CodeActionHost): Promise<CodeAction[]> {
  const file = uriToPath(params.textDocument.uri);
  const folder = file ? host.folderOf(file) : undefined;
  if (!file || !folder) return [];
  const only = params.context.only;
  const wantQuick = matches(only, CodeActionKind.QuickFix);
  const wantFixAll = only !== undefined && matches(only, FIX_ALL_KIND);
  if (!wantQuick && !wantFixAll) return [];

  await Promise.race([folder.settled(), new Promise((r) => setTimeout(r, SETTLE_MS))]);
  const view = folder.view;
  if (!view) return [];
  const { result, models } = view.checked;
  const root = result.root;
  const rel = path.relative(root, file).split(path.sep).join('/');
  const here = result.findings.filter((f) => f.loc?.file === rel);
  if (here.length === 0) return [];

  const caps = host.capabilities();
  const disabledSupport = Boolean(caps.textDocument?.codeAction?.disabledSupport);
  const doc = host.document(params.textDocument.uri);
  const shown = folder.diagnosticsFor(file);
  // The check that produced the findings read another version: edits computed now could land anywhere.
  const stale = doc !== undefined && shown?.version !== doc.version;
  if (stale) {
    if (!wantFixAll || !disabledSupport) return [];
    return [{ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, disabled: { reason: 'The file changed since Skew checked it; try again once its problems are updated.' } }];
  }

  const input = await fixInput(here, { commit: result.baseline.commit, label: view.words.name, models, folder, root, host });
  const edit = (fix: { edits: FixEdit[]; snippet?: boolean }) => workspaceEdit(fix.edits, fix.snippet, { root, rel, version: shown?.version, host });
  const actions: CodeAction[] = [];

  if (wantQuick) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== 'skew' || !isSkewData(diagnostic.data)) continue;
      const data = diagnostic.data;
      const finding = here.find((f) => f.rule === data.rule && f.path === data.path && f.contract === data.contract);
      if (!finding) continue;
      const { fixes, unavailable } = fixesFor(finding, input);
      for (const fix of fixes) actions.push(quickFix(planStep(fix, finding), diagnostic, edit(fix)));
      if (finding.fingerprint) actions.push(acceptAction(diagnostic, { root, fingerprint: finding.fingerprint, path: finding.path }));
      if (disabledSupport) {
        for (const u of unavailable) actions.push({ title: u.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], disabled: { reason: u.reason } });
      }
      if (finding.order === 'none') {
        actions.push({
          title: 'Show the rollout plan for this change',
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: 'Show the rollout plan', command: SHOW_PLAN_COMMAND, arguments: [{ uri: params.textDocument.uri, contract: finding.contract, path: finding.path, rule: finding.rule }] },
        });
      }
    }
  }
  const all = fixAll(here, input, { onlyFile: rel });
  if (all.applied.length > 0) {
    const diagnostics = params.context.diagnostics.filter((d) => d.source === 'skew');
    if (wantQuick && actions.length > 0) actions.push({ title: FIX_ALL_TITLE, kind: CodeActionKind.QuickFix, diagnostics, edit: edit(all) });
    if (wantFixAll) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: edit(all) });
  }
  return actions;
}

/** Last among a finding's actions: shipping the break on purpose is the choice after every fix. */
function acceptAction(diagnostic: Diagnostic, target: AcceptBreakTarget): CodeAction {
  const title = 'Accept this break…';
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: AcceptBreak.clientCommand, arguments: [target] } };
}

/**
 * Rules whose compatible fix brings the old member back optional and deprecated: the finding gives way to the
 * plan's second step (remove it once no baseline node needs it), so the title says it is only the first step.
 */
const EXPAND_STEP_RULES = new Set(['field-removed', 'field-renamed']);

function planStep(fix: Fix, finding: Finding): Fix {
  if (!fix.safe || !EXPAND_STEP_RULES.has(finding.rule)) return fix;
  return { ...fix, title: `Step 1 of 2 (expand): ${fix.title}` };
}

function quickFix(fix: Fix, diagnostic: Diagnostic, edit: WorkspaceEdit): CodeAction {
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit };
  if (fix.isPreferred) action.isPreferred = true;
  return action;
}

async function fixInput(
  findings: Finding[],
  ctx: { root: string; commit: string; label: string; models: ModelPair | undefined; folder: FolderChecker; host: CodeActionHost },
): Promise<FixInput> {
  const wanted = new Set(findings.flatMap((f) => [f.baselineLoc?.file, f.loc?.file]).filter((f): f is string => !!f));
  const old = new Map<string, string | undefined>();
  await Promise.all([...wanted].map(async (file) => old.set(file, await ctx.folder.readFileAt(ctx.commit, file).catch(() => undefined))));
  const current = new Map<string, string | undefined>();
  return {
    baselineLabel: ctx.label,
    oldText: (file) => old.get(file),
    newText: (file) => {
      if (!current.has(file)) {
        const abs = path.join(ctx.root, ...file.split('/'));
        const open = ctx.host.document(pathToUri(abs));
        current.set(file, open ? open.getText() : readText(abs));
      }
      return current.get(file);
    },
    models: ctx.models,
  };
}

function readText(file: string): string | undefined {
  try {
    return readTextFile(file, SOURCE_FILE_LIMIT);
  } catch {
    return undefined;
  }
}

/**
 * One versioned document edit per file. The requested file carries the version its diagnostics were computed
 * for; other files carry their open version, or null when they are only on disk.
 */
function workspaceEdit(
  edits: FixEdit[],
  snippet: boolean | undefined,
  ctx: { root: string; rel: string; version: number | undefined; host: CodeActionHost },
): WorkspaceEdit {
  const caps = ctx.host.capabilities().workspace?.workspaceEdit;
  const snippets = Boolean(snippet && caps?.snippetEditSupport);
  const byFile = new Map<string, (TextEdit | { range: TextEdit['range']; snippet: { kind: 'snippet'; value: string } })[]>();
  for (const e of edits) {
    const list = byFile.get(e.file) ?? [];
    if (snippets) list.push({ range: e.range, snippet: { kind: 'snippet', value: e.newText } });
    else list.push({ range: e.range, newText: snippet ? withoutSnippet(e.newText) : e.newText });
    byFile.set(e.file, list);
  }
  const uriOf = (file: string) => pathToUri(path.join(ctx.root, ...file.split('/')));
  if (!caps?.documentChanges) {
    const changes: Record<string, TextEdit[]> = {};
    for (const [file, list] of byFile) changes[uriOf(file)] = list as TextEdit[];
    return { changes };
  }
  const documentChanges: TextDocumentEdit[] = [...byFile].map(([file, list]) => {
    const uri = uriOf(file);
    const version = file === ctx.rel ? (ctx.version ?? null) : (ctx.host.document(uri)?.version ?? null);
    return { textDocument: { uri, version }, edits: list };
  });
  return { documentChanges };
}
