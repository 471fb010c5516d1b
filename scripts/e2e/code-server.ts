// Starts code-server (VS Code with its real Node extension host) for one test run, in folders of its own so runs
// never share a user-data-dir (a reused one fails with EEXIST on vscode.lock) and leave nothing behind.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { loadE2eEnv, type E2eEnv } from './e2e-env';

const execFileAsync = promisify(execFile);

/** Settings that keep the window free of chat, welcome pages and update prompts, so screenshots show Skew. */
export const CLEAN_WINDOW_SETTINGS: Record<string, unknown> = {
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.openRepositoryInParentFolders': 'never',
  'update.mode': 'none',
};

export interface CodeServerOptions {
  /** Lets the workbench honour the `payload` URL parameter (extensionDevelopmentPath / extensionTestsPath). */
  smokeTestDriver?: boolean;
  /** Merged over CLEAN_WINDOW_SETTINGS into the fresh user settings. */
  settings?: Record<string, unknown>;
  /** .vsix files installed before the server starts. */
  vsix?: string[];
  /** Extra environment for code-server and so for the extension host and language servers. */
  env?: Record<string, string>;
  /** Keep the run folder (logs, profile) after stop(); also on with SKEW_E2E_KEEP=1. */
  keep?: boolean;
}

/** What the workbench page is told about the server: read rather than guessed, the authority is not host:port. */
export interface WorkbenchConfig {
  remoteAuthority: string;
  developmentOptions?: { enableSmokeTestDriver?: boolean };
}

export interface CodeServer {
  port: number;
  url: string;
  runDir: string;
  logFile: string;
  env: E2eEnv;
  workbenchConfig(): Promise<WorkbenchConfig>;
  /** URI of a server-side path as the workbench must name it (vscode-remote://<authority>/abs/path). */
  remoteUri(absPath: string): Promise<string>;
  /** Workbench URL opening `folder`, with an optional payload (pairs, as VS Code's smoke-test driver expects). */
  folderUrl(folder: string, payload?: [string, string][]): string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

function runFolders(runDir: string) {
  return {
    userDataDir: path.join(runDir, 'user-data'),
    extensionsDir: path.join(runDir, 'extensions'),
    logFile: path.join(runDir, 'code-server.log'),
  };
}

function isolatedEnv(env: E2eEnv, runDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const tmp = path.join(runDir, 'tmp');
  for (const d of ['xdg-config', 'xdg-data', 'xdg-cache', 'tmp']) fs.mkdirSync(path.join(runDir, d), { recursive: true });
  return {
    ...process.env,
    // code-server, its extension host and `node` spawned by extensions all use Node 24
    PATH: `${path.dirname(env.node)}${path.delimiter}${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(runDir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(runDir, 'xdg-cache'),
    TMPDIR: tmp,
    ...extra,
  };
}

export function newRunDir(prefix = 'run-'): string {
  const base = path.join(process.env.SKEW_E2E_RUNS || path.join(os.tmpdir(), 'skew-e2e-runs'));
  fs.mkdirSync(base, { recursive: true });
  return fs.mkdtempSync(path.join(base, prefix));
}

/** Installs a packaged extension into the run's extensions dir (the CLI, not the UI: ~5 s). */
export async function installVsix(env: E2eEnv, runDir: string, vsix: string): Promise<void> {
  const { userDataDir, extensionsDir } = runFolders(runDir);
  if (!fs.existsSync(vsix)) throw new Error(`no such .vsix: ${vsix}`);
  const { stdout, stderr } = await execFileAsync(
    env.node,
    [env.codeServer, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', path.resolve(vsix)],
    { env: isolatedEnv(env, runDir), timeout: 120_000 },
  );
  const out = `${stdout}\n${stderr}`;
  if (!/successfully installed/i.test(out)) throw new Error(`installing ${path.basename(vsix)} failed:\n${out.trim()}`);
}

function waitForPort(child: ChildProcess, log: fs.WriteStream): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`code-server did not report a port within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    child.stdout!.on('data', (chunk: Buffer) => {
      log.write(chunk);
      seen += chunk.toString();
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${code} before listening; log: ${String(log.path)}`));
    });
  });
}

function decodeHtmlAttribute(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const env = loadE2eEnv();
  const runDir = newRunDir();
  const { userDataDir, extensionsDir, logFile } = runFolders(runDir);
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...CLEAN_WINDOW_SETTINGS, ...options.settings }, null, 2),
  );
  for (const vsix of options.vsix ?? []) await installVsix(env, runDir, vsix);

  const args = [
    env.codeServer,
    '--auth', 'none',
    '--bind-addr', '127.0.0.1:0',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    // extension hosts otherwise outlive the browser for the default grace period (hours)
    '--reconnection-grace-time', '5',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  // detached: its own process group, so stop() also ends the extension host and language servers under it
  const child = spawn(env.node, args, { env: isolatedEnv(env, runDir, options.env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = fs.createWriteStream(logFile);
  child.stderr.pipe(log, { end: false });
  let port: number;
  try {
    port = await waitForPort(child, log);
  } catch (e) {
    killGroup(child);
    throw e;
  }
  const url = `http://127.0.0.1:${port}`;
  let config: WorkbenchConfig | undefined;

  const server: CodeServer = {
    port,
    url,
    runDir,
    logFile,
    env,
    async workbenchConfig() {
      if (config) return config;
      const html = await (await fetch(`${url}/`)).text();
      const [, settings] = /id="vscode-workbench-web-configuration" data-settings="([^"]*)"/.exec(html) ?? [];
      if (settings === undefined) throw new Error('workbench configuration not found in the code-server page');
      config = JSON.parse(decodeHtmlAttribute(settings)) as WorkbenchConfig;
      return config;
    },
    async remoteUri(absPath: string) {
      const { remoteAuthority } = await server.workbenchConfig();
      return `vscode-remote://${remoteAuthority}${path.resolve(absPath)}`;
    },
    folderUrl(folder: string, payload?: [string, string][]) {
      let u = `${url}/?folder=${encodeURIComponent(path.resolve(folder))}`;
      if (payload) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return u;
    },
    async stop() {
      const exited = new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve();
        else child.once('exit', () => resolve());
      });
      killGroup(child);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      killGroup(child, 'SIGKILL');
      log.end();
      if (!options.keep && process.env.SKEW_E2E_KEEP !== '1') {
        // a file watcher can still be writing for a moment after the kill
        fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 });
      }
    },
  };
  return server;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}
