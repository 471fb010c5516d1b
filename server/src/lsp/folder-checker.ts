import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isSkewError, type SkewError } from '../common/errors';
import { readTextFile, SOURCE_FILE_LIMIT } from '../common/safe-read';
import type { StatusParams } from '../shared/protocol';
import { liveLabel } from '../baseline/resolve-window';
import { checksWindow, windowInWords } from '../report/live-versions';
import { baselineWords, type BaselineWords } from './baseline-words';
import { declaresContracts, folderHasContracts } from '../project/has-contracts';
import { halfTypedImports } from './half-typed-imports';
import { commentSwallowingCode } from './open-comment';
import type { CheckedProject, OpenSession, SessionPort } from './session-port';
import type { SkewSettings } from './settings';
import { findingDiagnostics, problemDiagnostic } from './to-diagnostic';
import { pathToUri, uriToPath } from './uris';
import { sameData } from '../engine/same-data';

/** What a folder knows after its last successful check: what hovers and code lenses read. */
export interface FolderView {
  checked: CheckedProject;
  /** The baseline for the status bar, lenses and hovers (`words.label`). */
  label: string;
  words: BaselineWords;
}

/** The diagnostics of one file as last accepted, stamped with the document version they were computed for. */
export interface FileDiagnostics {
  uri: string;
  /** undefined when the file was not open (computed from disk). */
  version?: number;
  diagnostics: Diagnostic[];
}

export interface FolderHost {
  /** Every open document (the folder picks its own). */
  documents(): readonly TextDocument[];
  settings(folderUri: string): Promise<SkewSettings>;
  /** False in an untrusted workspace: the skew.baseline setting may come from the workspace, so it is ignored. */
  trusted: boolean;
  /**
   * True when the client reports changes of source files on disk (workspace/didChangeWatchedFiles): a check
   * triggered by a keystroke may then reuse the file texts read before instead of reading the disk again.
   */
  watchesSources: boolean;
  openSession: OpenSession;
  log(line: string): void;
  /** Unexpected failures (bugs), with the stack. */
  error(line: string): void;
  /** Called with the files whose diagnostics changed (removed files have empty diagnostics). */
  diagnosticsChanged(folder: FolderChecker, changed: FileDiagnostics[]): void;
  status(params: StatusParams, popup?: string): void;
  /**
   * Runs `work`; if it calls `begin`, work-done progress with that title is shown (once it resolves) until
   * `work` ends. Nothing is shown for work that never begins, e.g. a baseline read from the cache.
   */
  withProgress<T>(work: (begin: (title: string) => Promise<void>) => Promise<T>): Promise<T>;
  /** The client shows its own notification (with buttons) for a missing baseline: no popup then. */
  offersBaselineRemedies?: boolean;
  /** Lets code lenses and hovers know the view changed. */
  viewChanged(folder: FolderChecker): void;
  /** Whether `folder` is the one that checks `file` (a monorepo project inside it may be); absent: every file it contains. */
  owns?(folder: FolderChecker, file: string): boolean;
}

/** A monorepo project checked as a folder of its own (see lsp/monorepo-folders.ts). */
export interface MonorepoOptions {
  /** The folder above the project whose files its program may read. */
  workspaceRoot?: string;
  /** Awaited before every check: a workspace folder's projects are known. */
  ready?: Promise<void>;
}

/** Long enough to merge the events of one keystroke burst, short enough to feel immediate. */
const DEBOUNCE_MS = 10;

/**
 * One workspace folder: its project session, its debounced checks and the diagnostics they produced. Checks
 * run one at a time; a result is accepted for a file only if the file still has the version the check read,
 * so results for an older version never replace a newer one.
 */
export class FolderChecker {
  private session: Promise<SessionPort> | undefined;
  /** A failure that re-checking cannot fix (no git, no tag…): kept until files or settings change. */
  private blocked: SkewError | undefined;
  private sessionKey = '';
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private waiters: (() => void)[] = [];
  private readonly files = new Map<string, FileDiagnostics>();
  view: FolderView | undefined;
  private disposed = false;
  /** Files may have changed on disk since the last check read them. */
  private diskDirty = true;
  /** Whether the folder declares a contract; undefined until scanned, and again once files change on disk. */
  private contracts: boolean | undefined;

  constructor(
    readonly uri: string,
    readonly folderPath: string,
    private readonly host: FolderHost,
    private readonly monorepo: MonorepoOptions = {},
  ) {}

  /** True when the file is in this folder (the caller picks the deepest folder for nested ones). */
  contains(file: string): boolean {
    const rel = path.relative(this.folderPath, file);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  }

  /** True when this folder checks the file: it contains it and no monorepo project inside it does. */
  owns(file: string): boolean {
    return this.contains(file) && (this.host.owns?.(this, file) ?? true);
  }

  diagnosticsFor(file: string): FileDiagnostics | undefined {
    return this.files.get(file);
  }

  schedule(delay?: number): void {
    if (this.disposed) return;
    // Leading edge: an edit while nothing is pending is checked at once; edits that follow it within the
    // check are merged into one more check (see start), and a burst keeps pushing the timer out.
    delay ??= this.timer || this.running ? DEBOUNCE_MS : 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.start();
    }, delay);
  }

  /** Resolves once no check is scheduled or running, i.e. the diagnostics reflect every edit seen so far. */
  settled(): Promise<void> {
    if (!this.timer && !this.running) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** A file's text at a commit (relative to the folder's project root), read by the open session; undefined without one. */
  async readFileAt(commit: string, file: string): Promise<string | undefined> {
    const session = this.session;
    return session ? (await session).readFileAt(commit, file) : undefined;
  }

  /** Source files changed on disk (saved, checked out, generated): the next check reads the disk again. */
  sourcesChanged(): void {
    this.diskDirty = true;
    if (this.contracts === false) this.contracts = undefined;
    this.schedule();
  }

  /** Settings, skew.json or the repository changed in a way that may fix a failure or change the baseline. */
  async reset(): Promise<void> {
    this.blocked = undefined;
    this.contracts = undefined;
    await this.closeSession();
    this.schedule(0);
  }

  /** Settings changed: a failure may be fixed (another baseline), and the severity may differ. */
  settingsChanged(): void {
    this.blocked = undefined;
    this.schedule(0);
  }

  /** A tag or packed-refs changed: re-check if the baseline now names another commit (or was missing). */
  async refreshBaseline(): Promise<void> {
    if (this.blocked || !this.session) return this.reset();
    try {
      const session = await this.session;
      const moved = await this.progress(() => session.refreshBaseline());
      if (moved) {
        this.host.log(`${this.folderPath}: the baseline moved to ${baselineWords(session.baseline).label}`);
        this.schedule(0);
      }
    } catch (e) {
      // A tag that vanished or a new baseline that does not parse: start over so the status says what is wrong.
      this.host.log(`${this.folderPath}: re-reading the baseline failed: ${(e as Error).message}`);
      await this.reset();
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    void this.closeSession();
    this.clearAll();
    this.release();
  }

  private start(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run()
      .catch((e) => this.host.error(`${this.folderPath}: ${(e as Error).stack ?? e}`))
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.disposed) {
          this.again = false;
          this.start();
        } else {
          this.release();
        }
      });
  }

  private release(): void {
    if (this.timer || this.running) return;
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w());
  }

  private async closeSession(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    this.sessionKey = '';
    if (!session) return;
    try {
      (await session).dispose();
    } catch {
      // A session that failed to open has nothing to dispose.
    }
  }

  private async run(): Promise<void> {
    // A workspace folder's monorepo projects are found first: the files they own are theirs to check.
    await this.monorepo.ready;
    if (this.disposed) return;
    const settings = await this.host.settings(this.uri);
    if (this.disposed) return;
    if (!settings.enable) {
      await this.closeSession();
      this.clearAll();
      this.view = undefined;
      this.host.viewChanged(this);
      this.host.status({ folder: this.uri, state: 'ok', breaking: 0, message: 'Skew is turned off for this folder (skew.enable).' });
      return;
    }
    const docs = this.host.documents().filter((d) => {
      const file = uriToPath(d.uri);
      return file !== undefined && this.owns(file);
    });
    if (!this.hasContracts(docs)) {
      // Nothing to say: no git or tag is worth a word in a folder without a contract.
      await this.closeSession();
      this.blocked = undefined;
      this.clearAll();
      this.view = undefined;
      this.host.viewChanged(this);
      this.host.status({ folder: this.uri, state: 'ok', breaking: 0, hasContracts: false, message: 'No @wire or @rpc contract in this folder.' });
      return;
    }
    if (this.blocked) return;
    const against = this.host.trusted ? settings.baseline : '';
    if (this.session && this.sessionKey !== JSON.stringify(against)) await this.closeSession();

    const stamps = new Map<string, number>();
    const overlays = new Map<string, string>();
    for (const d of docs) {
      const file = uriToPath(d.uri)!;
      stamps.set(file, d.version);
      overlays.set(file, d.getText());
    }

    let checked: CheckedProject;
    const diskUnchanged = this.host.watchesSources && !this.diskDirty;
    this.diskDirty = false;
    try {
      const session = await this.openSession(against);
      checked = await session.check(overlays, { diskUnchanged });
      // Most of a check runs without yielding; edits that arrived meanwhile wait unread in the pipe. Reading
      // them first lets accept() see the newer versions and keep this now-stale result off the screen.
      await new Promise((resolve) => setImmediate(resolve));
    } catch (e) {
      this.diskDirty = true;
      this.failed(e);
      return;
    }
    if (this.disposed) return;
    const halfTyped = halfTypedImports(checked.result.root, checked.result.problems, new Set(stamps.keys()));
    if (halfTyped.length > 0) {
      const p = halfTyped[0]!;
      this.host.log(`${this.folderPath}: keeping the last diagnostics while an import does not resolve (${p.file}:${p.range.start.line + 1}: ${p.message})`);
      return;
    }
    for (const d of docs) {
      const line = commentSwallowingCode(d.getText());
      if (line === undefined) continue;
      this.host.log(`${this.folderPath}: keeping the last diagnostics while a comment is left open (${uriToPath(d.uri)}:${line + 1})`);
      return;
    }
    this.accept(checked, settings, stamps);
  }

  /** Scans the disk once (again after files change on disk); open documents can add the first contract as it is typed. */
  private hasContracts(docs: readonly TextDocument[]): boolean {
    if (this.contracts) return true;
    this.contracts ??= folderHasContracts(this.folderPath);
    if (!this.contracts && docs.some((d) => declaresContracts(d.getText()))) this.contracts = true;
    return this.contracts;
  }

  private openSession(against: string | readonly string[]): Promise<SessionPort> {
    if (!this.session) {
      this.sessionKey = JSON.stringify(against);
      const opening = this.progress(() =>
        this.host.openSession({
          cwd: this.folderPath,
          against,
          log: (line) => this.host.log(line),
          onExtractBaseline: (label) => this.beginProgress?.(`Skew: reading ${label}…`),
          workspaceRoot: this.monorepo.workspaceRoot,
        }),
      );
      this.session = opening;
      // A failed open is forgotten so that reset() or the next trigger opens again.
      opening.catch(() => {
        if (this.session === opening) this.session = undefined;
      });
    }
    return this.session;
  }

  /** Progress for reading a baseline, begun by the session only when it extracts one (see onExtractBaseline). */
  private beginProgress: ((title: string) => Promise<void>) | undefined;

  private progress<T>(work: () => Promise<T>): Promise<T> {
    return this.host.withProgress(async (begin) => {
      this.beginProgress = begin;
      try {
        return await work();
      } finally {
        if (this.beginProgress === begin) this.beginProgress = undefined;
      }
    });
  }

  private failed(e: unknown): void {
    if (isSkewError(e) && e.code === 'working-parse') {
      // Half-typed code: keep the last good diagnostics until the file parses again.
      this.host.log(`${this.folderPath}: keeping the last diagnostics while the code does not parse (${e.message})`);
      return;
    }
    if (isSkewError(e)) {
      this.blocked = e;
      void this.closeSession();
      this.clearAll();
      this.view = undefined;
      this.host.viewChanged(this);
      if (e.code === 'no-baseline') {
        // The CLI's wording names its flags, which an editor user has no use for; a client with buttons for the
        // remedies (Select Baseline…, Tag HEAD as deployed) shows its own notification instead of the popup.
        const message = `Skew: ${e.message.replace(/, or pass --against REF/, ' or the skew.baseline setting')}`;
        const status: StatusParams = { folder: this.uri, state: 'error', breaking: 0, hasContracts: true, problem: 'no-baseline', message };
        this.host.status(status, this.host.offersBaselineRemedies ? undefined : message);
        return;
      }
      const message = `Skew: ${e.message}`;
      this.host.status({ folder: this.uri, state: 'error', breaking: 0, hasContracts: true, message }, message);
      return;
    }
    this.host.error(`${this.folderPath}: unexpected failure while checking: ${(e as Error)?.stack ?? String(e)}`);
    const message = `Skew could not check this folder: ${(e as Error)?.message ?? String(e)} (details in the Skew output).`;
    this.host.status({ folder: this.uri, state: 'error', breaking: this.view?.checked.result.summary.breaking ?? 0, hasContracts: true, message }, message);
  }

  private accept(checked: CheckedProject, settings: SkewSettings, stamps: Map<string, number>): void {
    const { result } = checked;
    const words = baselineWords(result.baseline);
    const label = words.label;
    // Every finding in a file asks for its text: read once per check, not once per finding.
    const texts = new Map<string, string | undefined>();
    const ctx = {
      root: result.root,
      baselineCommit: result.baseline.commit,
      baselineLabel: label,
      window: checksWindow(result),
      baselineName: words.name,
      baselineTab: words.tab,
      severity: settings.severity,
      existsInWorkingTree: (rel: string) => fs.existsSync(path.join(result.root, ...rel.split('/'))),
      textOf: (rel: string) => {
        if (!texts.has(rel)) texts.set(rel, this.textOf(path.join(result.root, ...rel.split('/'))));
        return texts.get(rel);
      },
    };
    const next = new Map<string, Diagnostic[]>();
    const add = (file: string, d: Diagnostic) => {
      const list = next.get(file) ?? [];
      list.push(d);
      next.set(file, list);
    };
    for (const placed of findingDiagnostics(result.findings, ctx, checked.models)) add(placed.file, placed.diagnostic);
    for (const p of result.problems) {
      const placed = problemDiagnostic(p, result.root);
      add(placed.file, placed.diagnostic);
    }

    const current = new Map<string, TextDocument>();
    for (const d of this.host.documents()) {
      const file = uriToPath(d.uri);
      if (file) current.set(file, d);
    }
    const changed: FileDiagnostics[] = [];
    for (const file of new Set([...this.files.keys(), ...next.keys()])) {
      // A file a monorepo project owns gets that project's diagnostics, never two folders' in turn.
      if (!this.owns(file)) {
        this.files.delete(file);
        continue;
      }
      const doc = current.get(file);
      // Edited (or opened) since this check read it: a newer check is on its way, keep what is shown.
      if (doc && doc.version !== stamps.get(file)) continue;
      const diagnostics = next.get(file) ?? [];
      const before = this.files.get(file);
      if (!before && diagnostics.length === 0) continue;
      const entry: FileDiagnostics = { uri: doc?.uri ?? pathToUri(file), version: doc?.version, diagnostics };
      if (diagnostics.length === 0) this.files.delete(file);
      else this.files.set(file, entry);
      if (!before || before.version !== entry.version || !sameData(before.diagnostics, diagnostics)) {
        changed.push(entry);
      }
    }
    if (changed.length > 0) this.host.diagnosticsChanged(this, changed);

    this.view = { checked, label, words };
    this.host.viewChanged(this);
    const breaking = result.summary.breaking;
    const restricted = this.host.trusted ? '' : ' Restricted Mode: the skew.baseline setting is ignored until you trust this workspace.';
    const live = result.window ?? [result.baseline];
    this.host.status({
      folder: this.uri,
      state: 'ok',
      // The status bar shows this; a window is too long to name there, so it says how many versions are live.
      baseline: live.length > 1 ? `${live.length} live versions` : label,
      ...(live.length > 1 ? { liveVersions: live.map(liveLabel) } : {}),
      baselineTab: words.tab,
      hasContracts: true,
      commit: result.baseline.commit,
      root: result.root,
      breaking,
      message:
        (breaking === 0
          ? `Compatible with ${live.length > 1 ? windowInWords(live) : label}.`
          : `${breaking} breaking change${breaking === 1 ? '' : 's'} against ${live.length > 1 ? windowInWords(live) : label}.`) + restricted,
    });
  }

  /** An open document's text, else the file's on disk; undefined when it cannot be read. */
  private textOf(file: string): string | undefined {
    const open = this.host.documents().find((d) => uriToPath(d.uri) === file);
    if (open) return open.getText();
    try {
      return readTextFile(file, SOURCE_FILE_LIMIT);
    } catch {
      return undefined;
    }
  }

  private clearAll(): void {
    if (this.files.size === 0) return;
    const cleared = [...this.files.values()].map((f) => ({ uri: f.uri, diagnostics: [] }));
    this.files.clear();
    this.host.diagnosticsChanged(this, cleared);
  }
}
