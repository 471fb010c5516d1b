// End to end in a real VS Code (code-server + chromium, see scripts/e2e/): install the packaged extension, open a
// repository whose working tree breaks a @wire message against the `deployed` tag, and check what a person sees.
// Screenshots go to test-artifacts/ (kept by CI); on a failure the workbench logs are copied there too.
//
//   npm run build && node --import tsx --test test/e2e/editor.e2e.ts
//   (SKEW_VSIX=path/to/skew.vsix skips packaging; .ci/e2e-setup.sh must have run once)
//   SKEW_EXTENSION_DIR packages another extension folder instead of this repository.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { packageVsix } from '../../scripts/e2e/package-vsix';
import { ARTIFACTS_DIR, openEditor, type EditorSession } from '../../scripts/e2e/ui-driver';
import { createFixtureRepo, EXPECTED, MESSAGE_FILE, type FixtureRepo } from '../vscode/fixture-repo';

// The extension folder to package (default: this repository); another folder lets the harness be tried alone.
const EXTENSION_DIR = path.resolve(process.env.SKEW_EXTENSION_DIR || path.join(__dirname, '..', '..'));
const STEP_TIMEOUT_MS = 120_000;

interface Manifest {
  main?: string;
  contributes?: { commands?: { command: string; title: string; category?: string }[] };
}
let manifest: Manifest = {};

function paletteTitle(command: string): string {
  const c = manifest.contributes?.commands?.find((x) => x.command === command);
  if (!c) throw new Error(`package.json does not contribute ${command}`);
  return c.category ? `${c.category}: ${c.title}` : c.title;
}

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

describe('Skew in VS Code (code-server)', { timeout: 10 * 60_000 }, () => {
  let fixture: FixtureRepo | undefined;
  let session: EditorSession | undefined;
  let tmp: string | undefined;
  let failed = false;

  const wb = () => {
    if (!session) throw new Error('the editor did not start');
    return session.workbench;
  };

  /** Runs one step; on failure keeps a screenshot and the workbench logs for the CI artifacts. */
  async function step(name: string, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
      console.log(`[e2e] ${name}: ok at ${elapsed()}`);
    } catch (e) {
      failed = true;
      await session?.workbench.screenshot(`editor-failed-${name}`).catch(() => undefined);
      throw e;
    }
  }

  before(async () => {
    const manifestFile = path.join(EXTENSION_DIR, 'package.json');
    if (!fs.existsSync(manifestFile)) throw new Error(`no extension manifest at ${manifestFile}`);
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
    const entries = [manifest.main, 'dist/server.js'].filter((x): x is string => !!x);
    for (const rel of entries) {
      if (!fs.existsSync(path.join(EXTENSION_DIR, rel))) throw new Error(`${rel} is missing: run npm run build first`);
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-e2e-'));
    const vsix = process.env.SKEW_VSIX ? path.resolve(process.env.SKEW_VSIX) : await packageVsix(EXTENSION_DIR, path.join(tmp, 'skew.vsix'));
    console.log(`[e2e] packaged ${path.basename(vsix)} at ${elapsed()}`);
    fixture = await createFixtureRepo(tmp);
    session = await openEditor(fixture.root, { vsix: [vsix] });
    console.log(`[e2e] workbench ready at ${elapsed()} (code-server port ${session.server.port})`);
  });

  after(async () => {
    if (session && failed) {
      const logs = path.join(session.server.runDir, 'user-data', 'logs');
      const dest = path.join(ARTIFACTS_DIR, 'editor-e2e-logs');
      fs.rmSync(dest, { recursive: true, force: true });
      if (fs.existsSync(logs)) fs.cpSync(logs, dest, { recursive: true });
      fs.copyFileSync(session.server.logFile, path.join(ARTIFACTS_DIR, 'editor-e2e-code-server.log'));
      if (session.consoleErrors.length) console.log(`[e2e] workbench errors:\n${session.consoleErrors.slice(-20).join('\n')}`);
    }
    await session?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    console.log(`[e2e] total ${elapsed()}`);
  });

  it('underlines the added required field in the editor', { timeout: STEP_TIMEOUT_MS }, async () => {
    await step('squiggle', async () => {
      await wb().openFileFromExplorer(MESSAGE_FILE);
      const squiggle = await wb().waitForSquiggle('error', 90_000);
      // the squiggle sits on the line of the new field: compare with that line's number in the gutter
      const lineNumber = wb().page.locator('.editor-group-container.active .margin-view-overlays .line-numbers', {
        hasText: new RegExp(`^${EXPECTED.line + 1}$`),
      });
      const [sq, ln] = [await squiggle.boundingBox(), await lineNumber.first().boundingBox()];
      assert.ok(sq && ln, 'squiggle and line number are on screen');
      assert.ok(Math.abs(sq.y + sq.height / 2 - (ln.y + ln.height / 2)) < ln.height, `squiggle on line ${EXPECTED.line + 1}`);
      await wb().screenshot('editor-1-squiggle');
    });
  });

  it('lists the finding in the Problems panel with its rule id and direction', { timeout: STEP_TIMEOUT_MS }, async () => {
    await step('problems', async () => {
      const row = await wb().problem(EXPECTED.contract, 30_000);
      const text = (await row.textContent()) ?? '';
      assert.match(text, new RegExp(EXPECTED.rule));
      assert.match(text, new RegExp(EXPECTED.direction));
      await wb().screenshot('editor-2-problems');
    });
  });

  it('opens the baseline definition from the related information', { timeout: STEP_TIMEOUT_MS }, async () => {
    await step('baseline', async () => {
      await wb().openRelatedInformation(EXPECTED.contract, /in deployed/);
      const deadline = Date.now() + 20_000;
      let text = '';
      while (Date.now() < deadline) {
        text = await wb().activeEditorText();
        if (text.includes('amount: number') && !text.includes('currency')) break;
        await wb().page.waitForTimeout(250);
      }
      assert.ok(text.includes('interface OrderCreated') && !text.includes('currency'), `baseline text shown, got:\n${text}`);
      assert.match(await wb().activeTabTitle(), /order-created\.ts/);
      await wb().screenshot('editor-3-baseline');
    });
  });

  it('compares the file with the deployed version from the command palette', { timeout: STEP_TIMEOUT_MS }, async () => {
    await step('compare', async () => {
      await wb().openFileFromExplorer(MESSAGE_FILE);
      await wb().runCommand(paletteTitle('skew.compareWithBaseline'));
      const diff = wb().page.locator('.editor-group-container.active .monaco-diff-editor').first();
      await diff.waitFor({ timeout: 30_000 });
      const added = diff.locator('.line-insert, .char-insert').first();
      await added.waitFor({ timeout: 15_000 });
      await wb().screenshot('editor-4-compare');
    });
  });
});
