// End to end in a real VS Code (code-server + chromium, see scripts/e2e/): the packaged extension, a repository
// whose working tree breaks a @wire message against the `deployed` tag, and what a person sees of it.
// Screenshots: test-artifacts/diagnostics-*.png.
//
//   npm run test:e2e                                      (all scenarios; packages skew.vsix first)
//   npm run build && node --import tsx --test test/e2e/diagnostics.e2e.ts
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXPECTED, MESSAGE_FILE } from '../vscode/fixture-repo';
import { paletteTitle, useEditorScenario } from './editor-session';

const STEP_TIMEOUT_MS = 120_000;

describe('Skew in VS Code: diagnostics', { timeout: 10 * 60_000 }, () => {
  const s = useEditorScenario('diagnostics');

  it('underlines the added required field in the editor', { timeout: STEP_TIMEOUT_MS }, async () => {
    await s.step('squiggle', async () => {
      await s.wb().openFileFromExplorer(MESSAGE_FILE);
      const squiggle = await s.wb().waitForSquiggle('error', 90_000);
      // the squiggle sits on the line of the new field, not merely somewhere in the file
      const fieldLine = await s.wb().editorLine('currency: string', 15_000);
      const [sq, line] = [await squiggle.boundingBox(), await fieldLine.boundingBox()];
      assert.ok(sq && line, 'squiggle and the currency line are on screen');
      const middle = sq.y + sq.height / 2;
      assert.ok(middle >= line.y && middle <= line.y + line.height + 2, `squiggle at y=${middle} on the currency line (y ${line.y}..${line.y + line.height})`);
      await s.wb().waitForCodeLens(/1 breaking change/);
      await s.screenshot('1-squiggle');
    });
  });

  it('lists the finding in the Problems panel with its message, rule id and direction', { timeout: STEP_TIMEOUT_MS }, async () => {
    await s.step('problems', async () => {
      const row = await s.wb().problem(EXPECTED.contract, 30_000);
      const text = (await row.textContent()) ?? '';
      assert.match(text, /currency/, 'the message names the added field');
      assert.match(text, new RegExp(EXPECTED.rule));
      assert.match(text, new RegExp(EXPECTED.direction));
      assert.match(text, new RegExp(`Ln ${EXPECTED.line + 1}\\b`), 'the entry points at the field line');
      await s.screenshot('2-problems');
    });
  });

  it('opens the baseline definition from the related information', { timeout: STEP_TIMEOUT_MS }, async () => {
    await s.step('baseline', async () => {
      await s.wb().openRelatedInformation(EXPECTED.contract, /in deployed/);
      const deadline = Date.now() + 20_000;
      let uri = '';
      let text = '';
      while (Date.now() < deadline) {
        uri = await s.wb().activeEditorUri();
        text = await s.wb().activeEditorText();
        if (uri.startsWith('skew-baseline:') && text.includes('amount: number')) break;
        await s.wb().page.waitForTimeout(250);
      }
      assert.match(uri, /^skew-baseline:/, `the tab shows the baseline document, got ${uri}`);
      assert.ok(uri.includes(MESSAGE_FILE), `the baseline document is ${MESSAGE_FILE} at the tag, got ${uri}`);
      assert.ok(text.includes('interface OrderCreated') && !text.includes('currency'), `baseline text shown, got:\n${text}`);
      assert.match(await s.wb().activeTabTitle(), /order-created\.ts/);
      await s.screenshot('3-baseline');
    });
  });

  it('compares the file with the deployed version from the command palette', { timeout: STEP_TIMEOUT_MS }, async () => {
    await s.step('compare', async () => {
      await s.wb().openFileFromExplorer(MESSAGE_FILE);
      await s.wb().runCommand(paletteTitle(s.manifest(), 'skew.compareWithBaseline'));
      const diff = s.wb().page.locator('.editor-group-container.active .monaco-diff-editor').first();
      await diff.waitFor({ timeout: 30_000 });
      // the inserted line of the diff is the new field
      const added = diff.locator('.editor.modified .view-line', { hasText: /currency/ }).first();
      await added.waitFor({ timeout: 15_000 });
      await diff.locator('.line-insert, .char-insert').first().waitFor({ timeout: 15_000 });
      await s.screenshot('4-compare');
    });
  });
});
