import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before } from 'node:test';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type ClientCapabilities,
  type Diagnostic,
  type FileEvent,
  type ProtocolConnection,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { TempRepo } from '../cli/temp-repo';
import { StatusNotification, type StatusParams } from '../../server/src/shared/protocol';

const REPO_ROOT = path.resolve(__dirname, '../..');
const SERVER_MAIN = path.join(REPO_ROOT, 'server/src/language-server.ts');

export const fileUri = (p: string): string => pathToFileURL(p).href;

/** Polls `probe` until it returns something truthy; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** LSP 3.18 allows markup messages; Skew sends plain strings. */
export const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

export interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
  /** performance.now() when the notification arrived, for latency measurements. */
  receivedAt?: number;
}

/** The server as a child process over stdio, driven by a real LSP client connection. */
export class LspClient {
  readonly published: Published[] = [];
  readonly statuses: StatusParams[] = [];
  readonly messages: string[] = [];
  readonly logs: string[] = [];
  readonly stderr: string[] = [];
  private readonly versions = new Map<string, number>();
  private exited: number | null | undefined;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(options: {
    folders: string[];
    pull?: boolean;
    trusted?: boolean;
    /** Other initializationOptions (e.g. `baselineRemedies`, as the VS Code client sends). */
    init?: Record<string, unknown>;
    settings?: Record<string, unknown>;
    cacheDir: string;
    /** Extra client capabilities (e.g. code actions), merged over the defaults one section deep. */
    capabilities?: ClientCapabilities;
    /** Extra environment for the server process. */
    env?: NodeJS.ProcessEnv;
  }): Promise<LspClient> {
    // SKEW_LSP_SERVER=dist/server.js runs the same tests against the bundle.
    const bundle = process.env.SKEW_LSP_SERVER;
    // SKEW_LSP_NODE_ARGS passes node flags to the server (e.g. --cpu-prof when profiling the bench).
    const nodeArgs = (process.env.SKEW_LSP_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const args = [...nodeArgs, ...(bundle ? [path.resolve(REPO_ROOT, bundle), '--stdio'] : ['--import', 'tsx', SERVER_MAIN, '--stdio'])];
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, SKEW_CACHE_DIR: options.cacheDir, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection);
    child.stderr.on('data', (d) => client.stderr.push(String(d)));
    child.on('exit', (code) => (client.exited = code));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => void client.published.push({ ...p, receivedAt: performance.now() }));
    connection.onNotification(StatusNotification.type, (p) => void client.statuses.push(p));
    connection.onNotification('window/showMessage', (p: { message: string }) => void client.messages.push(p.message));
    connection.onNotification('window/logMessage', (p: { message: string }) => void client.logs.push(p.message));
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => options.settings ?? {}));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => null);
    connection.listen();

    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: true,
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceFolders: true,
        diagnostics: { refreshSupport: true },
      },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { versionSupport: true, relatedInformation: true },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
      window: { workDoneProgress: true },
    };
    for (const [section, extra] of Object.entries(options.capabilities ?? {}) as [keyof ClientCapabilities, object][]) {
      (capabilities as Record<string, unknown>)[section] = { ...((capabilities[section] as object | undefined) ?? {}), ...extra };
    }
    const result = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: options.folders[0] ? fileUri(options.folders[0]) : null,
      capabilities,
      workspaceFolders: options.folders.map((f) => ({ uri: fileUri(f), name: path.basename(f) })),
      initializationOptions: { trusted: options.trusted ?? true, ...options.init },
    });
    client.capabilities = result.capabilities;
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  capabilities: unknown;

  get alive(): boolean {
    return this.exited === undefined;
  }

  async open(file: string, text = fs.readFileSync(file, 'utf8')): Promise<string> {
    const uri = fileUri(file);
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'typescript', version: 1, text },
    });
    return uri;
  }

  /** One incremental change; returns the new version. */
  isOpen(uri: string): boolean {
    return this.versions.has(uri);
  }

  /** Opens `file` with `text`, or replaces the whole text when it is open already; returns its uri. */
  async setText(file: string, text: string): Promise<string> {
    const uri = fileUri(file);
    if (this.isOpen(uri)) await this.edit(uri, { start: { line: 0, character: 0 }, end: { line: 1_000_000, character: 0 } }, text);
    else await this.open(file, text);
    return uri;
  }

  /**
   * Opens `file` (or, when it is open already, replaces its whole text) with `text` and waits for the
   * diagnostics of that version: a test that starts here does not depend on what an earlier test left.
   */
  async show(file: string, text: string): Promise<{ uri: string; version: number }> {
    const uri = await this.setText(file, text);
    const version = this.versions.get(uri) ?? 1;
    await waitFor(`diagnostics for ${path.basename(file)} v${version}`, () => this.latest(uri)?.version === version);
    return { uri, version };
  }

  async edit(uri: string, range: Range, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async watched(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** The newest diagnostics published for a URI (undefined when none yet). */
  latest(uri: string): Published | undefined {
    for (let i = this.published.length - 1; i >= 0; i--) if (this.published[i]!.uri === uri) return this.published[i];
    return undefined;
  }

  async stop(): Promise<void> {
    if (this.alive) {
      try {
        await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 3000))]);
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        // Already gone.
      }
    }
    await waitFor('server exit', () => !this.alive, 5000).catch(() => this.child.kill());
    this.connection.dispose();
  }
}

/** The test repository of test/cli/temp-repo.ts with a tsconfig and the files committed; the caller tags and edits it. */
export function lspRepo(files: Record<string, string>, options: { git?: boolean } = {}): TempRepo {
  const repo = TempRepo.create({ 'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022' } }), ...files }, options);
  if (options.git !== false) repo.commit('initial');
  return repo;
}

export { TempRepo };

export interface LspSession {
  /** Set once the describe block's `before` hooks have run. */
  readonly repo: TempRepo;
  readonly client: LspClient;
}

/**
 * One committed repository and one language server on it for the enclosing describe block: `before` creates the
 * repository (tagged `tag`, with a cache folder of its own), starts the server and waits for its first finished
 * check; `after` stops the server and removes the repository and its cache. Hooks the block adds afterwards run
 * after the server is up.
 */
export function lspSession(
  files: Record<string, string>,
  options: {
    tag?: string;
    pull?: boolean;
    firstCheckMs?: number;
    /** Runs once the server is started, before the wait for its first check (to open documents that check sees). */
    started?: (session: LspSession) => Promise<void>;
  } = {},
): LspSession {
  let repo: TempRepo | undefined;
  let client: LspClient | undefined;
  before(async () => {
    repo = lspRepo(files);
    if (options.tag) repo.git('tag', options.tag);
    client = await LspClient.start({ folders: [repo.dir], cacheDir: repo.cacheDir, pull: options.pull });
    await options.started?.(session);
    await waitFor('first status', () => client?.statuses.find((s) => s.state === 'ok'), options.firstCheckMs);
  });
  after(async () => {
    await client?.stop();
    repo?.dispose();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`lspSession: ${what} is read before the describe block's before hook ran`);
    return value;
  };
  const session: LspSession = {
    get repo() {
      return ready(repo, 'repo');
    },
    get client() {
      return ready(client, 'client');
    },
  };
  return session;
}

export const ORDER_V1 = `/** @wire */
export interface OrderCreated {
  id: string;
  amount: number;
  note?: string;
}
`;

/** ORDER_V1 with a required `currency`: a change old writers break. */
export const ORDER_V2 = ORDER_V1.replace('  note?: string;\n', '  note?: string;\n  currency: string;\n');

/** The position right after `note?: string;` in ORDER_V1, where a new field can be typed. */
export const AFTER_NOTE = { line: 4, character: 16 };

/**
 * A cache folder for one describe block and the clean-ups its tests push (clients to stop, repositories to
 * remove): run in reverse after the block, then the folder goes.
 */
export function suiteScratch(): { cacheDir: string; cleanup: (() => Promise<void> | void)[] } {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-lsp-cache-'));
  const cleanup: (() => Promise<void> | void)[] = [];
  after(async () => {
    for (const c of cleanup.reverse()) await c();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });
  return { cacheDir, cleanup };
}
