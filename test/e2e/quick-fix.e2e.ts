// Quick fix in a real VS Code: Ctrl+. on the squiggle of the added required field, pick the fix that makes the
// field optional, and the diagnostic goes away. Screenshots: test-artifacts/quick-fix-*.png.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXPECTED, MESSAGE_FILE } from '../vscode/fixture-repo';
import { useEditorScenario } from './editor-session';

const STEP_TIMEOUT_MS = 120_000;
/** The fix the server offers for field-required-added (server/src/fixes/make-optional.ts). */
const FIX_TITLE = /currency.*optional/i;

describe('Skew in VS Code: quick fix', { timeout: 10 * 60_000 }, () => {
  const s = useEditorScenario('quick-fix');

  it('offers a fix on the squiggle and applying it clears the diagnostic', { timeout: STEP_TIMEOUT_MS }, async () => {
    await s.step('menu', async () => {
      await s.wb().openFileFromExplorer(MESSAGE_FILE);
      const squiggle = await s.wb().waitForSquiggle('error', 90_000);
      const titles = await s.wb().quickFixesAt(squiggle);
      assert.ok(titles.some((t) => FIX_TITLE.test(t)), `a fix matching ${FIX_TITLE} among: ${titles.join(' | ')}`);
      await s.screenshot('1-menu');
    });
    await s.step('apply', async () => {
      await s.wb().applyQuickFix(FIX_TITLE);
      await s.wb().editorLine(/currency\?:\s*string/, 15_000);
      await s.wb().waitForNoSquiggle('error', 60_000);
      const panel = await s.wb().openProblems();
      await panel.locator('.monaco-list-row', { hasText: EXPECTED.rule }).first().waitFor({ state: 'detached', timeout: 30_000 });
      // Lenses show only what breaks: the contract's lens goes with its last finding.
      await s.wb().page.locator('.editor-group-container.active .monaco-editor .codelens-decoration', { hasText: /breaking change/ }).first().waitFor({ state: 'detached', timeout: 15_000 });
      await s.screenshot('2-fixed');
    });
  });
});
