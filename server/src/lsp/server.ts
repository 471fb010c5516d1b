import * as path from 'node:path';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ResponseError,
  MessageType,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isSourceFile } from '../baseline/tree-paths';
import { tagHead } from '../baseline/git';
import { DEPLOYED_TAG } from '../baseline/resolve-baseline';
import { isSkewError } from '../common/errors';
import { contractLenses } from './code-lens';
import { acceptBreak } from './accept-command';
import { codeActions, CODE_ACTION_KINDS } from './code-actions';
import { answerBaselineContent } from './baseline-request';
import { FolderChecker, type FileDiagnostics, type FolderHost } from './folder-checker';
import { Folders } from './folders';
import { contractHover } from './hover';
import { answerListRefs } from './list-refs-request';
import { answerReport } from './report-request';
import { checkedNotification, checkedRequest, listenChecked } from './guarded-handlers';
import { safe } from './safe-handler';
import { openProjectSession, type OpenSession } from './session-port';
import { SettingsStore } from './settings-store';
import { StatusReporter } from './status-reporter';
import { pathToUri, uriToPath } from './uris';
import { monorepoProjects } from './monorepo-folders';
import {
  validCodeAction,
  validDocumentOnly,
  validFolders,
  validFoldersChange,
  validHover,
  validOptionalString,
  validRequiredString,
  validWatchedFiles,
} from './valid-params';
import { classifyWatched, WATCHED_GLOBS } from './watched-files';
import {
  AcceptBreak,
  BaselineContentRequest,
  ListRefsRequest,
  ReportRequest,
  StatusNotification,
  TagDeployedRequest,
  type TagDeployedParams,
  type TagDeployedResult,
  type BaselineContentParams,
  type BaselineContentResult,
  type ListRefsParams,
  type ListRefsResult,
  type ReportParams,
  type ReportResult,
  type SkewInitializationOptions,
} from '../shared/protocol';

export interface ServerOptions {
  /** For tests: how a folder's project session is opened. */
  openSession?: OpenSession;
}

/** How long a pull-diagnostics request waits for a pending check before answering with what it has. */
const PULL_WAIT_MS = 20_000;

/**
 * Connects Skew to an LSP connection: documents, settings, workspace folders and the handlers. The logic lives
 * in lsp/; this file only wires it.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const folders = new Folders();
  const log = (line: string) => connection.console.log(line);
  const logError = (line: string) => connection.console.error(line);
  let caps: ClientCapabilities = {};
  let pull = false;
  /** In pull mode: files whose diagnostics were pushed because they were not open. */
  const pushedWhileClosed = new Set<string>();
  let trusted = true;
  let offersBaselineRemedies = false;
  let settings = new SettingsStore(undefined, log);

  const status = new StatusReporter({
    notify: (params) => void connection.sendNotification(StatusNotification.method, params),
    popup: (message) => void connection.sendNotification('window/showMessage', { type: MessageType.Warning, message }),
  });

  const host: FolderHost = {
    documents: () => documents.all(),
    settings: (folderUri) => settings.get(folderUri),
    get trusted() {
      return trusted;
    },
    get offersBaselineRemedies() {
      return offersBaselineRemedies;
    },
    get watchesSources() {
      return !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    },
    openSession: options.openSession ?? openProjectSession,
    log,
    error: logError,
    diagnosticsChanged: (_folder, changed: FileDiagnostics[]) => {
      if (!pull) {
        for (const f of changed) void connection.sendDiagnostics({ uri: f.uri, version: f.version, diagnostics: f.diagnostics });
        return;
      }
      if (caps.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh().catch(() => undefined);
      // Clients pull diagnostics for open documents only; a finding in a file that is not open (or was just
      // closed) would vanish from the Problems view, so those files are pushed, and cleared when they open.
      for (const f of changed) {
        if (documents.get(f.uri)) continue;
        void connection.sendDiagnostics({ uri: f.uri, diagnostics: f.diagnostics });
        if (f.diagnostics.length > 0) pushedWhileClosed.add(f.uri);
        else pushedWhileClosed.delete(f.uri);
      }
    },
    status: (params, popup) => status.report(params, popup),
    withProgress: async (work) => {
      let reporter: Awaited<ReturnType<typeof connection.window.createWorkDoneProgress>> | undefined;
      let ended = false;
      const begin = async (title: string) => {
        if (!caps.window?.workDoneProgress || reporter || ended) return;
        try {
          const created = await connection.window.createWorkDoneProgress();
          if (ended) return created.done();
          reporter = created;
          reporter.begin(title);
        } catch {
          // A client that refuses progress still gets the work done.
        }
      };
      try {
        return await work(begin);
      } finally {
        ended = true;
        reporter?.done();
      }
    },
    // The nearest project owns a file: a monorepo project inside a workspace folder checks its own files.
    owns: (folder, file) => folders.forFile(file) === folder,
    viewChanged: () => {
      if (caps.workspace?.codeLens?.refreshSupport) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    },
  };

  const addFolder = (f: WorkspaceFolder) => {
    const folderPath = uriToPath(f.uri);
    if (!folderPath) return log(`Skew: ignoring workspace folder ${f.uri} (not a local folder)`);
    const ready = monorepoProjects(folderPath).then(
      ({ projects, workspaceRoot }) => {
        if (folders.get(f.uri)?.folderPath !== folderPath) return;
        for (const p of projects) {
          const project = new FolderChecker(pathToUri(p.dir), p.dir, host, { workspaceRoot });
          folders.addProject(f.uri, project);
          project.schedule(0);
        }
        if (projects.length) log(`Skew: ${path.basename(folderPath) || folderPath} is a monorepo: checking ${projects.map((p) => p.name).join(', ')} as projects of their own`);
      },
      (e: unknown) => log(`Skew: could not look for the monorepo projects of ${folderPath}: ${(e as Error).message}`),
    );
    folders.add(new FolderChecker(f.uri, folderPath, host, { ready }));
  };

  const folderOfUri = (uri: string) => {
    const file = uriToPath(uri);
    return file ? { file, folder: folders.forFile(file) } : undefined;
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    caps = params.capabilities;
    pull = Boolean(caps.textDocument?.diagnostic);
    const init = params.initializationOptions as SkewInitializationOptions | undefined;
    trusted = init?.trusted !== false;
    offersBaselineRemedies = init?.baselineRemedies === true;
    if (caps.workspace?.configuration) {
      settings = new SettingsStore(
        async (scopeUri) => connection.workspace.getConfiguration({ scopeUri, section: 'skew' }),
        log,
      );
    }
    const initial =
      params.workspaceFolders ??
      (typeof params.rootUri === 'string' && params.rootUri ? [{ uri: params.rootUri, name: path.basename(params.rootUri) }] : []);
    if (validFolders(initial)) initial.forEach(addFolder);
    else logError('Skew: ignored the workspace folders of initialize: they are not a list of { uri, name }');
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
        executeCommandProvider: { commands: [AcceptBreak.serverCommand] },
        ...(pull ? { diagnosticProvider: { identifier: 'skew', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'skew-language-server' },
    };
  });

  connection.onInitialized(
    safe('initialized', logError, undefined, async () => {
      if (caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })),
        });
      }
      if (caps.workspace?.didChangeConfiguration?.dynamicRegistration) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: 'skew' });
      }
      if (caps.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(
          checkedNotification('workspace/didChangeWorkspaceFolders', validFoldersChange, logError, safe('workspace folders', logError, undefined, (e) => {
            e.removed.forEach((f) => {
              folders.remove(f.uri);
              status.forget(f.uri);
            });
            e.added.forEach((f) => {
              addFolder(f);
              folders.get(f.uri)?.schedule(0);
            });
          })),
        );
      }
      log(`Skew: checking ${folders.describe() || 'no folder'}${trusted ? '' : ' (Restricted Mode)'}`);
      for (const f of folders.all()) f.schedule(0);
    }),
  );

  const onEdit = (doc: TextDocument) => {
    const at = folderOfUri(doc.uri);
    if (at?.folder && isSourceFile(at.file)) at.folder.schedule();
  };
  documents.onDidChangeContent(safe('didChange', logError, undefined, (e) => onEdit(e.document)));
  documents.onDidClose(safe('didClose', logError, undefined, (e) => onEdit(e.document)));
  documents.onDidOpen(
    safe('didOpen', logError, undefined, (e) => {
      // Now pulled: drop the pushed copy so the finding is not listed twice.
      if (!pushedWhileClosed.delete(e.document.uri)) return;
      void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    }),
  );

  connection.onDidChangeConfiguration(
    safe('configuration', logError, undefined, (params) => {
      settings.changed(params?.settings);
      // A new baseline setting reopens the session (FolderChecker compares it); severity only re-renders.
      for (const f of folders.all()) f.settingsChanged();
    }),
  );

  connection.onDidChangeWatchedFiles(
    checkedNotification('workspace/didChangeWatchedFiles', validWatchedFiles, logError, safe('watched files', logError, undefined, async (params) => {
      const kinds = new Set(params.changes.map((c) => classifyWatched(uriToPath(c.uri) ?? c.uri)));
      for (const f of folders.all()) {
        if (kinds.has('project')) await f.reset();
        else if (kinds.has('refs')) await f.refreshBaseline();
        if (kinds.has('source')) f.sourcesChanged();
      }
    })),
  );

  connection.onHover(
    checkedRequest('textDocument/hover', validHover, logError, safe('hover', logError, null, (params) => {
      const at = folderOfUri(params.textDocument.uri);
      const view = at?.folder?.view;
      return view && at ? contractHover(view, at.file, params.position, at.folder?.diagnosticsFor(at.file)?.diagnostics) : null;
    })),
  );

  connection.onCodeAction(
    checkedRequest('textDocument/codeAction', validCodeAction, logError, safe('code actions', logError, [], (params) =>
      codeActions(params, {
        folderOf: (file) => folders.forFile(file),
        document: (uri) => documents.get(uri),
        capabilities: () => caps,
      }),
    )),
  );

  connection.onExecuteCommand(async (params) => {
    if (params.command === AcceptBreak.serverCommand) return acceptBreak(params, folders.all());
    return new ResponseError(ErrorCodes.MethodNotFound, `unknown command ${params.command}`);
  });

  connection.onCodeLens(
    checkedRequest('textDocument/codeLens', validDocumentOnly, logError, safe('code lens', logError, [], async (params) => {
      const at = folderOfUri(params.textDocument.uri);
      const view = at?.folder?.view;
      if (!view || !at?.folder) return [];
      return contractLenses(view, at.file, (await settings.get(at.folder.uri)).codeLens);
    })),
  );

  connection.languages.diagnostics.on(
    checkedRequest('textDocument/diagnostic', validDocumentOnly, logError, safe('pull diagnostics', logError, { kind: 'full' as const, items: [] }, async (params, token) => {
      const at = folderOfUri(params.textDocument.uri);
      if (!at?.folder) return { kind: 'full' as const, items: [] };
      await Promise.race([
        at.folder.settled(),
        new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, PULL_WAIT_MS);
          token.onCancellationRequested(() => {
            clearTimeout(timer);
            resolve();
          });
        }),
      ]);
      return { kind: 'full' as const, items: at.folder.diagnosticsFor(at.file)?.diagnostics ?? [] };
    })),
  );

  connection.onRequest(
    BaselineContentRequest.method,
    checkedRequest(BaselineContentRequest.method, validRequiredString('uri'), logError, safe('baseline content', logError, { message: 'Skew could not read the baseline file (see the Skew output).' }, (params: BaselineContentParams): Promise<BaselineContentResult> =>
      answerBaselineContent(
        params,
        folders.all().flatMap((f) => {
          const root = f.view?.checked.result.root;
          return root ? [{ root, readFileAt: (commit: string, file: string) => f.readFileAt(commit, file) }] : [];
        }),
      ),
    )),
  );

  connection.onRequest(
    ListRefsRequest.method,
    checkedRequest(ListRefsRequest.method, validOptionalString('folder'), logError, safe('list refs', logError, { refs: [], message: 'Skew could not list the refs (see the Skew output).' }, (params: ListRefsParams): Promise<ListRefsResult> => {
      const folder = (params?.folder && folders.get(params.folder)) || folders.all()[0];
      return answerListRefs(folder?.folderPath);
    })),
  );

  connection.onRequest(
    ReportRequest.method,
    checkedRequest(ReportRequest.method, validOptionalString('uri'), logError, safe('report', logError, { message: 'Skew could not build the report (see the Skew output).' }, (params: ReportParams): Promise<ReportResult> => {
      const file = params?.uri ? uriToPath(params.uri) : undefined;
      const folder = (params?.uri && folders.get(params.uri)) || (file && folders.forFile(file)) || folders.all()[0];
      return answerReport(folder, documents.all().map((d) => ({ file: uriToPath(d.uri), text: d.getText() })));
    })),
  );

  connection.onRequest(
    TagDeployedRequest.method,
    checkedRequest(TagDeployedRequest.method, validRequiredString('folder'), logError, safe('tag deployed', logError, { message: 'Skew could not tag HEAD (see the Skew output).' }, async (params: TagDeployedParams): Promise<TagDeployedResult> => {
      const folder = folders.get(params.folder);
      if (!folder) return { message: 'That folder is not open in this workspace.' };
      try {
        await tagHead(folder.folderPath, DEPLOYED_TAG);
      } catch (e) {
        if (isSkewError(e)) return { message: e.message };
        throw e;
      }
      await folder.reset();
      return {};
    })),
  );

  connection.onShutdown(() => folders.all().forEach((f) => folders.remove(f.uri)));

  // Every parameter is checked at this boundary: a malformed message is answered or dropped with one log line.
  listenChecked(documents, connection, logError);
  connection.listen();
}
