// The compatibility report in a real VS Code: "Skew: Show Compatibility Report" from the command palette opens a
// webview with the summary, the rollout plan and the finding with its witness. Screenshots:
// test-artifacts/report-1-webview.png (summary and plan), report-2-witness.png (the finding's witness),
// report-3-export.png (the save dialog of Export as Markdown).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { EXPECTED, MESSAGE_FILE } from '../vscode/fixture-repo';
import { paletteTitle, useEditorScenario } from './editor-session';

const STEP_TIMEOUT_MS = 120_000;

describe('Skew in VS Code: compatibility report', { timeout: 10 * 60_000 }, () => {
  const s = useEditorScenario('report');

  it('shows the finding in the report webview opened from the command palette', { timeout: STEP_TIMEOUT_MS }, async () => {
    await s.step('webview', async () => {
      await s.wb().openFileFromExplorer(MESSAGE_FILE);
      await s.wb().waitForSquiggle('error', 90_000);
      await s.wb().runCommand(paletteTitle(s.manifest(), 'skew.showReport'));
      const body = await s.wb().activeWebviewBody(30_000);
      await body.getByText(EXPECTED.contract).first().waitFor({ timeout: 30_000 });
      const text = (await body.textContent()) ?? '';
      assert.match(text, new RegExp(EXPECTED.rule), 'the report names the rule');
      assert.match(text, /currency/, 'the report names the added field');
      assert.match((await body.locator('#summary .summary-line').textContent()) ?? '', /1 contract checked, 1 changed/);
      assert.match(
        (await body.locator('#rollout-plan .plan-headline').textContent()) ?? '',
        /Upgrade writers and clients first, then readers and servers/,
        'a field only old writers lack: writers go first',
      );
      await s.screenshot('1-webview');

      // The witness: a value the baseline writes that this version cannot read, shown with the finding.
      const witness = body.locator('article.finding[data-rule="field-required-added"] .witness[data-kind="rejected"]');
      await witness.waitFor({ timeout: 10_000 });
      const value = (await witness.locator('pre code.witness-value').textContent()) ?? '';
      const parsed = JSON.parse(value) as Record<string, unknown>;
      assert.ok(!('currency' in parsed), `the witness lacks currency: ${value}`);
      await witness.scrollIntoViewIfNeeded();
      await s.screenshot('2-witness');
    });
  });

  it('copies the report as Markdown from its button', { timeout: STEP_TIMEOUT_MS }, async () => {
    await s.step('copy', async () => {
      const body = await s.wb().activeWebviewBody(30_000);
      await body.locator('#copy-markdown').click();
      await s.wb().page.getByText('the compatibility report is on the clipboard').first().waitFor({ timeout: 15_000 });
      // A string, because this file is type-checked without the DOM lib.
      const copied = String(await s.wb().page.evaluate('navigator.clipboard.readText()'));
      assert.match(copied, /OrderCreated/, 'the Markdown names the contract');
      assert.match(copied, /field-required-added/, 'and the rule');
    });
  });

  it('exports the report as Markdown through the save dialog', { timeout: STEP_TIMEOUT_MS }, async () => {
    await s.step('export', async () => {
      const expected = path.join(s.fixture().root, 'skew-report-deployed.md');
      fs.rmSync(expected, { force: true });
      const body = await s.wb().activeWebviewBody(30_000);
      await body.locator('#export-markdown').click();
      // code-server shows VS Code's own save dialog: a quick input holding the proposed path
      const input = s.wb().page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 15_000 });
      const deadline = Date.now() + 15_000;
      let proposed = await input.inputValue();
      while (!proposed.endsWith(path.basename(expected)) && Date.now() < deadline) {
        await s.wb().page.waitForTimeout(100);
        proposed = await input.inputValue();
      }
      assert.ok(proposed.endsWith(path.basename(expected)), `the dialog proposes ${path.basename(expected)}: ${proposed}`);
      await s.screenshot('3-export');
      await s.wb().page.keyboard.press('Enter');
      await s.wb().page.getByText('report saved to').first().waitFor({ timeout: 15_000 });
      const saved = fs.readFileSync(expected, 'utf8');
      assert.match(saved, /OrderCreated/, 'the Markdown names the contract');
      assert.match(saved, /field-required-added/, 'and the rule');
    });
  });
});
