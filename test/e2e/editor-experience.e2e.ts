// The editor experience in a real VS Code, as a new user meets it: quiet in a folder without contracts, one
// notification with buttons when contracts appear without a baseline, the baseline named for what it is, one
// diagnostic per place, fixes that say what they do, and the rollout plan one click away.
// Screenshots: test-artifacts/experience-*.png; with SKEW_DOCS_IMAGES=1 the README's docs/images/{diagnostics,
// quick-fix,report}.png are written from the same steps.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { commitFiles, createQuietRepo, SHOP_FILE, SHOP_V1, tagCommit, writeFixtureFile } from '../vscode/fixture-repo';
import { paletteTitle, useEditorScenario } from './editor-session';

const STEP_TIMEOUT_MS = 150_000;
const DOCS_IMAGES = path.resolve(__dirname, '..', '..', 'docs', 'images');

describe('Skew in VS Code: quiet until it matters, then clear', { timeout: 12 * 60_000 }, () => {
  const s = useEditorScenario('experience', { fixture: createQuietRepo });
  const page = () => s.wb().page;
  const skewStatus = () => page().locator('.statusbar-item', { hasText: /Skew/ });
  const toast = (text: string | RegExp) => page().locator('.notification-toast', { hasText: text }).first();

  /** A screenshot that is also the README's docs/images/<name>.png when SKEW_DOCS_IMAGES=1 (then commit them). */
  async function docsImage(step: string, name: string): Promise<void> {
    const file = await s.screenshot(step);
    if (process.env.SKEW_DOCS_IMAGES !== '1') return;
    fs.mkdirSync(DOCS_IMAGES, { recursive: true });
    fs.copyFileSync(file, path.join(DOCS_IMAGES, `${name}.png`));
  }

  const squiggleOn = (line: string) => s.wb().squiggleOnLine(line);

  it('1: says nothing in a folder without contracts, then offers the remedies once contracts appear without a baseline', { timeout: STEP_TIMEOUT_MS }, async () => {
    await s.step('quiet', async () => {
      await s.wb().openFileFromExplorer('src/util.ts');
      // The server starts with the TypeScript file and finds no contract: give it time to say something it should not.
      await page().waitForTimeout(8_000);
      assert.equal(await skewStatus().count(), 0, 'no Skew item in the status bar');
      assert.equal(await page().locator('.notification-toast', { hasText: /Skew/ }).count(), 0, 'no Skew notification');
      await s.screenshot('1-quiet');
    });
    await s.step('no-baseline', async () => {
      await commitFiles(s.fixture().root, { [SHOP_FILE]: SHOP_V1 }, 'v1.0.0: the shop messages');
      const note = toast(/Skew has nothing to compare/);
      await note.waitFor({ timeout: 60_000 });
      const text = (await note.textContent()) ?? '';
      assert.doesNotMatch(text, /--against/, 'no CLI flag in editor text');
      for (const button of ['Select Baseline…', 'Tag HEAD as deployed', "Don't Ask Again for This Folder"]) {
        assert.ok(await note.getByRole('button', { name: button }).count(), `a "${button}" button`);
      }
      await skewStatus().filter({ hasText: 'no baseline' }).first().waitFor({ timeout: 15_000 });
      await s.screenshot('2-no-baseline');
      await note.getByRole('button', { name: 'Tag HEAD as deployed' }).click();
      await skewStatus().filter({ hasText: /Skew: deployed \([0-9a-f]{7}\)/ }).first().waitFor({ timeout: 60_000 });
    });
  });

  it('4: names a selected tag as selected, never as deployed; the command is Compare with Baseline', { timeout: STEP_TIMEOUT_MS }, async () => {
    await s.step('selected', async () => {
      await tagCommit(s.fixture().root, 'v0.9.0', 'HEAD~1');
      const entries = await s.wb().paletteEntries('Skew: Compare');
      assert.ok(entries.some((e) => e.includes('Compare with Baseline')), `palette: ${entries.join(' | ')}`);
      assert.ok(!entries.some((e) => e.includes('Deployed')), 'no "Compare with Deployed Version"');
      await s.wb().runCommand(paletteTitle(s.manifest(), 'skew.selectBaseline'));
      await page().locator('.quick-input-list .monaco-list-row', { hasText: 'v0.9.0' }).first().click({ timeout: 30_000 });
      await skewStatus().filter({ hasText: 'Skew: v0.9.0 (selected)' }).first().waitFor({ timeout: 60_000 });
      await toast(/in this workspace only/).waitFor({ timeout: 15_000 });
      await s.screenshot('3-selected');
      await s.wb().runCommand('Notifications: Clear All Notifications');
      // Back to the tag, for the rest of the story.
      await s.wb().runCommand(paletteTitle(s.manifest(), 'skew.selectBaseline'));
      await page().locator('.quick-input-list .monaco-list-row', { hasText: 'Automatic' }).first().click({ timeout: 30_000 });
      await skewStatus().filter({ hasText: /Skew: deployed \(/ }).first().waitFor({ timeout: 60_000 });
    });
  });

  it('3: one diagnostic for a change two contracts share, and one on an enum insertion', { timeout: STEP_TIMEOUT_MS }, async () => {
    await s.step('one-per-place', async () => {
      writeFixtureFile(s.fixture().root, SHOP_FILE, SHOP_V1.replace('  qty: number;', '  qty: string;').replace('  Low,\n', '  Low,\n  Medium,\n'));
      await s.wb().openFileFromExplorer(SHOP_FILE);
      await squiggleOn('qty: string');
      const panel = await s.wb().openProblems();
      const shared = panel.locator('.monaco-list-row', { hasText: /CartEvent, Receipt/ });
      await shared.first().waitFor({ timeout: 30_000 });
      assert.equal(await panel.locator('.monaco-list-row', { hasText: 'type-changed' }).count(), 1, 'one entry for the shared change');
      const enumRow = panel.locator('.monaco-list-row', { hasText: /inserting `Medium` renumbered them/ });
      await enumRow.first().waitFor({ timeout: 30_000 });
      assert.equal(await panel.locator('.monaco-list-row', { hasText: 'enum-value-changed' }).count(), 1, 'one entry for the insertion');
      await docsImage('4-one-per-place', 'diagnostics');
    });
  });

  it('6: a fix that does not clear its finding says it is step 1; a change that breaks both ways opens the rollout plan', { timeout: STEP_TIMEOUT_MS }, async () => {
    await s.step('step-one', async () => {
      writeFixtureFile(s.fixture().root, SHOP_FILE, SHOP_V1.replace('  total: number;\n', '').replace('  id: string;', '  id: number;'));
      const titles = await s.wb().quickFixesAt(await squiggleOn('interface Receipt'));
      assert.ok(titles.some((t) => t.startsWith("Step 1 of 2 (expand): Restore `total`")), titles.join(' | '));
      await docsImage('5-step-one', 'quick-fix');
      await page().keyboard.press('Escape');
    });
    await s.step('rollout-plan', async () => {
      const titles = await s.wb().quickFixesAt(await squiggleOn('id: number'));
      assert.ok(titles.includes('Show the rollout plan for this change'), titles.join(' | '));
      assert.ok(titles.some((t) => t.startsWith("Widen the type of `id`: not possible here (why?)")), `the why-no-widening entry: ${titles.join(' | ')}`);
      await s.wb().applyQuickFix('Show the rollout plan for this change');
      const body = await s.wb().activeWebviewBody(30_000);
      const focused = body.locator('.focused');
      await focused.first().waitFor({ timeout: 30_000 });
      assert.match((await focused.first().textContent()) ?? '', /CartEvent\.id/);
      await docsImage('6-rollout-plan', 'report');
    });
  });
});
