/**
 * Skew's custom LSP messages, declared once here and imported by the server, the VS Code client and the tests.
 * Standard LSP covers diagnostics, hover and code lens; these cover what only Skew has: the baseline version of a
 * file, the refs a baseline can be, and the per-folder status.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { ReportModel } from '../report/report-model';

export type { ReportModel, ReportFinding, ReportWitness, ReportLocation } from '../report/report-model';
export type { RolloutPlan } from '../report/rollout-plan';

/** The URI scheme of baseline documents (read-only file text at the baseline commit). */
export const BASELINE_SCHEME = 'skew-baseline';

export interface BaselineContentParams {
  /** A `skew-baseline:` URI, as found in a diagnostic's related information. */
  uri: string;
}

export interface BaselineContentResult {
  /** The file's text at the baseline commit; undefined when the file does not exist there. */
  text?: string;
  /** Why there is no text, in one line (e.g. "src/a.ts does not exist in deployed (v1.4.0)"). */
  message?: string;
}

/** Client → server: the text of a file at the baseline commit, so the client can show `skew-baseline:` documents. */
export namespace BaselineContentRequest {
  export const method = 'skew/baselineContent' as const;
  export const type = new RequestType<BaselineContentParams, BaselineContentResult, void>(method);
}

export interface ListRefsParams {
  /** The workspace folder URI whose repository is asked; the first folder when absent. */
  folder?: string;
}

export interface RefItem {
  name: string;
  kind: 'tag' | 'branch';
  /** Short commit id the ref points at. */
  commit: string;
}

export interface ListRefsResult {
  /** Tags newest first (semver order, then the others by date), then local branches. */
  refs: RefItem[];
  /** Set when the refs could not be read (no git, not a repository). */
  message?: string;
}

/** Client → server: the tags and branches that can be picked as the baseline (Skew: Select Baseline…). */
export namespace ListRefsRequest {
  export const method = 'skew/listRefs' as const;
  export const type = new RequestType<ListRefsParams, ListRefsResult, void>(method);
}

export interface StatusParams {
  /** The workspace folder URI this status is about. */
  folder: string;
  state: 'ok' | 'error';
  /**
   * e.g. "deployed (v1.4.0)", "v0.9.0 (selected)", "v1.0.0 (newest tag; no deployed tag)", or "3 live versions";
   * absent when no baseline could be resolved.
   */
  baseline?: string;
  /** Every live version's label, when more than one is checked. */
  liveVersions?: string[];
  /** The baseline as it follows a file name in a tab title, e.g. "deployed v1.4.0" ("api.ts (deployed v1.4.0)"). */
  baselineTab?: string;
  /**
   * False while the folder declares no contract (`@wire`, `@rpc`, skew.json, an adapter's): the client then shows
   * nothing at all for it. Absent from servers that predate it, which meant true.
   */
  hasContracts?: boolean;
  /** Set with state `error` when the failure has a remedy the client offers itself (e.g. buttons for `no-baseline`). */
  problem?: 'no-baseline';
  /** The baseline commit and the project root, so the client can build `skew-baseline:` URIs for any file. */
  commit?: string;
  root?: string;
  /** Number of unsuppressed breaking findings in the folder. */
  breaking: number;
  /** One line for people: what was compared, or what went wrong and what to do. */
  message: string;
}

/** Server → client: a folder's baseline and breaking count changed, or a problem that is not a finding appeared. */
export namespace StatusNotification {
  export const method = 'skew/status' as const;
  export const type = new NotificationType<StatusParams>(method);
}

export interface ReportParams {
  /** A workspace folder URI or a file URI inside one; the first folder when absent. */
  uri?: string;
}

export interface ReportResult {
  /** The compatibility report of the folder's last check (after pending checks finish). */
  report?: ReportModel;
  /** The same report as Markdown, for export and the clipboard. */
  markdown?: string;
  /** Why there is no report (no folder, no baseline yet…), in one line. */
  message?: string;
}

/** Client → server: the compatibility report (Skew: Show Compatibility Report); the client only renders it. */
export namespace ReportRequest {
  export const method = 'skew/report' as const;
  export const type = new RequestType<ReportParams, ReportResult, void>(method);
}

export interface TagDeployedParams {
  /** The workspace folder URI whose repository gets the tag `deployed` on HEAD. */
  folder: string;
}

export interface TagDeployedResult {
  /** Set when the tag could not be made, in one line. */
  message?: string;
}

/** Client → server: tag HEAD as `deployed` (the missing-baseline notification's button), through Skew's git layer. */
export namespace TagDeployedRequest {
  export const method = 'skew/tagDeployed' as const;
  export const type = new RequestType<TagDeployedParams, TagDeployedResult, void>(method);
}

/** The client command a code lens runs to peek a contract's findings: (uri, position, locations) as LSP JSON. */
export const PEEK_FINDINGS_COMMAND = 'skew.peekFindings';

/** The client command a code action runs to open the report at one finding: ({ uri, finding: { contract, path, rule } }). */
export const SHOW_PLAN_COMMAND = 'skew.showRolloutPlan';

/**
 * Passed by the client in `initialize`'s `initializationOptions`. Other editors may leave it out: the defaults
 * suit a trusted workspace.
 */
export interface SkewInitializationOptions {
  /** False in a VS Code workspace the user has not trusted: then workspace-provided baselines are ignored. */
  trusted?: boolean;
  /**
   * True when the client offers its own remedies for a status with `problem: 'no-baseline'` (a notification with
   * buttons): the server then sends no `window/showMessage` for it.
   */
  baselineRemedies?: boolean;
}

/**
 * "Accept this break…": the code action runs the client command, which asks for a reason and then has the server
 * run its command, which records the finding in skew.json `accepted` and checks again.
 */
export namespace AcceptBreak {
  /** Client command, the code action's: arguments `[AcceptBreakTarget]`. */
  export const clientCommand = 'skew.acceptBreak' as const;
  /** Server command (workspace/executeCommand): arguments `[AcceptBreakParams]`. */
  export const serverCommand = 'skew.server.acceptBreak' as const;
}

export interface AcceptBreakTarget {
  /** The project root the finding belongs to (the folder holding skew.json). */
  root: string;
  fingerprint: string;
  /** The finding's path, for the prompt. */
  path: string;
}

export interface AcceptBreakParams extends AcceptBreakTarget {
  reason: string;
  until?: string;
}
