// The tRPC adapter in a real VS Code: the examples/trpc project (real @trpc/server and zod, no annotations), its
// baseline tagged `deployed` and the change uncommitted. The procedure's new required input field is underlined
// where it is written, and a field typed into the router gets its own diagnostic before the file is saved.
// Screenshots: test-artifacts/trpc-*.png.
//
//   npm run package && SKEW_VSIX=skew.vsix node --import tsx --test test/e2e/trpc.e2e.ts
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exampleRepo } from '../vscode/fixture-repo';
import { useEditorScenario } from './editor-session';

const STEP_TIMEOUT_MS = 150_000;
const ROUTER_FILE = 'src/routers/order.ts';

describe('Skew in VS Code: a tRPC router', { timeout: 10 * 60_000 }, () => {
  const s = useEditorScenario('trpc', {
    fixture: exampleRepo('trpc'),
    // the typed field must be found in the unsaved buffer, not in the file on disk
    settings: { 'files.autoSave': 'off' },
  });
  const page = () => s.wb().page;

  it('underlines the required field added to a procedure input and lists it in the Problems panel', { timeout: STEP_TIMEOUT_MS }, async () => {
    await s.step('input-field', async () => {
      await s.wb().openFileFromExplorer(ROUTER_FILE);
      const squiggle = await s.wb().squiggleOnLine('currency: z.string()', 'error', 90_000);
      const hover = await s.wb().hoverText(squiggle);
      // In the adapter's words: tRPC clients call, tRPC servers handle.
      assert.match(hover, /This version's tRPC servers can't handle order from deployed [0-9a-f]+ tRPC clients: new required `currency`/, `hover: ${hover}`);
      assert.match(hover, /field-required-added · old-to-new/, `hover: ${hover}`);
      const row = await s.wb().problem(/new required `currency`/, 30_000);
      const text = (await row.textContent()) ?? '';
      assert.match(text, /field-required-added/);
      assert.match(text, /Ln 12\b/, `the entry points at the currency line: ${text}`);
      await s.screenshot('1-input-field');
    });
  });

  it('reports a required input field as it is typed into the router', { timeout: STEP_TIMEOUT_MS }, async () => {
    await s.step('typed', async () => {
      const line = await s.wb().editorLine('currency: z.string()');
      const box = await line.boundingBox();
      assert.ok(box, 'the currency line is on screen');
      // into the text, then to its end: the right end of a line's box lies under the minimap
      await page().mouse.click(box.x + 80, box.y + box.height / 2);
      await page().keyboard.press('End');
      await page().keyboard.press('Enter');
      await page().keyboard.type('giftWrap: z.boolean(),', { delay: 20 });
      await s.wb().editorLine(/giftWrap:\sz\.boolean\(\),\s*$/, 15_000);
      const squiggle = await s.wb().squiggleOnLine('giftWrap: z.boolean()', 'error', 60_000);
      assert.match(await s.wb().hoverText(squiggle), /new required `giftWrap`/);
      const row = await s.wb().problem(/new required `giftWrap`/, 30_000);
      assert.match((await row.textContent()) ?? '', /Ln 13\b/);
      assert.equal(await page().locator('.tabs-container .tab.active.dirty').count(), 1, 'found in the unsaved buffer');
      await s.screenshot('2-typed');
    });
  });
});
