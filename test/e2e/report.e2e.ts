// The compatibility report in a real VS Code: "Skew: Show Compatibility Report" from the command palette opens a
// webview that lists the finding. Screenshot: test-artifacts/report-1-webview.png.
import * as assert from 'node:assert/strict';
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
      await s.screenshot('1-webview');
    });
  });
});
