// One editor per scenario file: the packaged extension installed into a fresh code-server, a fixture repository
// (see ../vscode/fixture-repo.ts) opened in chromium. Scenarios change the workspace (quick fixes edit the file),
// so each *.e2e.ts file gets its own editor and fixture rather than sharing one.
//
// Failures keep a screenshot, the workbench logs and code-server's log under test-artifacts/ for CI.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before } from 'node:test';
import { packageVsix } from '../../scripts/e2e/package-vsix';
import { ARTIFACTS_DIR, openEditor, type EditorSession, type Workbench } from '../../scripts/e2e/ui-driver';
import { createFixtureRepo, type FixtureRepo } from '../vscode/fixture-repo';

// The extension folder to package (default: this repository); another folder lets the harness be tried alone.
export const EXTENSION_DIR = path.resolve(process.env.SKEW_EXTENSION_DIR || path.join(__dirname, '..', '..'));

export interface Manifest {
  main?: string;
  contributes?: { commands?: { command: string; title: string; category?: string }[] };
}

export function readManifest(): Manifest {
  const file = path.join(EXTENSION_DIR, 'package.json');
  if (!fs.existsSync(file)) throw new Error(`no extension manifest at ${file}`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
}

/** "Category: Title" as the command palette shows a contributed command. */
export function paletteTitle(manifest: Manifest, command: string): string {
  const c = manifest.contributes?.commands?.find((x) => x.command === command);
  if (!c) throw new Error(`package.json does not contribute ${command}`);
  return c.category ? `${c.category}: ${c.title}` : c.title;
}

export interface EditorScenario {
  /** The workbench; throws when the editor did not start (before() failed and reported why). */
  wb(): Workbench;
  fixture(): FixtureRepo;
  manifest(): Manifest;
  /** Runs one step; a failure keeps a screenshot named `<scenario>-failed-<name>.png`. */
  step(name: string, fn: () => Promise<void>): Promise<void>;
  /** Saves test-artifacts/<scenario>-<name>.png. */
  screenshot(name: string): Promise<string>;
}

/** A .vsix built by `npm run package` (SKEW_VSIX), or one packaged for this run. */
async function vsixFor(tmp: string): Promise<string> {
  if (process.env.SKEW_VSIX) {
    const vsix = path.resolve(process.env.SKEW_VSIX);
    if (!fs.existsSync(vsix)) throw new Error(`SKEW_VSIX names a missing file: ${vsix} (npm run package makes skew.vsix)`);
    return vsix;
  }
  return packageVsix(EXTENSION_DIR, path.join(tmp, 'skew.vsix'));
}

/** Registers before/after hooks in the enclosing describe(): start the editor, then tidy up and keep logs. */
export function useEditorScenario(
  scenario: string,
  options: { fixture?: (parent: string) => Promise<FixtureRepo>; settings?: Record<string, unknown> } = {},
): EditorScenario {
  let session: EditorSession | undefined;
  let fixture: FixtureRepo | undefined;
  let manifest: Manifest | undefined;
  let tmp: string | undefined;
  let failed = false;
  const t0 = Date.now();
  const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

  before(async () => {
    manifest = readManifest();
    for (const rel of [manifest.main, 'dist/server.js'].filter((x): x is string => !!x)) {
      if (!fs.existsSync(path.join(EXTENSION_DIR, rel))) throw new Error(`${rel} is missing: run npm run build first`);
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), `skew-e2e-${scenario}-`));
    const vsix = await vsixFor(tmp);
    fixture = await (options.fixture ?? createFixtureRepo)(tmp);
    try {
      session = await openEditor(fixture.root, { vsix: [vsix], settings: options.settings });
    } catch (e) {
      failed = true;
      throw e;
    }
    console.log(`[e2e ${scenario}] workbench ready at ${elapsed()} (code-server port ${session.server.port})`);
  });

  after(async () => {
    if (session && failed) keepLogs(scenario, session);
    await session?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    console.log(`[e2e ${scenario}] total ${elapsed()}`);
  });

  const wb = () => {
    if (!session) throw new Error('the editor did not start (see the before hook)');
    return session.workbench;
  };
  const screenshot = (name: string) => wb().screenshot(`${scenario}-${name}`);

  return {
    wb,
    fixture: () => {
      if (!fixture) throw new Error('no fixture repository');
      return fixture;
    },
    manifest: () => manifest ?? readManifest(),
    screenshot,
    async step(name, fn) {
      try {
        await fn();
        console.log(`[e2e ${scenario}] ${name}: ok at ${elapsed()}`);
      } catch (e) {
        failed = true;
        await screenshot(`failed-${name}`).catch(() => undefined);
        throw e;
      }
    },
  };
}

function keepLogs(scenario: string, session: EditorSession): void {
  const logs = path.join(session.server.runDir, 'user-data', 'logs');
  const dest = path.join(ARTIFACTS_DIR, `${scenario}-logs`);
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  if (fs.existsSync(logs)) fs.cpSync(logs, dest, { recursive: true });
  if (fs.existsSync(session.server.logFile)) fs.copyFileSync(session.server.logFile, path.join(ARTIFACTS_DIR, `${scenario}-code-server.log`));
  // the workbench's own errors, minus the offline noise (marketplace, sign-in) every run has on these machines
  const errors = session.consoleErrors.filter((l) => !/ENOTFOUND|ERR_NAME_NOT_RESOLVED|status of 404/.test(l));
  if (errors.length) console.log(`[e2e ${scenario}] workbench errors:\n${errors.slice(-20).join('\n')}`);
}
