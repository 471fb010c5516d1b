// Drives the VS Code workbench as a person would (explorer, editor, Problems panel, command palette, quick fixes)
// in code-server shown in chromium. Selectors are the workbench's own DOM classes; where the workbench ignores
// synthetic element clicks (squiggles are an overlay under the text) the mouse is moved to coordinates instead.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { startCodeServer, type CodeServer, type CodeServerOptions } from './code-server';

export const ARTIFACTS_DIR = path.resolve(process.env.SKEW_ARTIFACTS_DIR || path.join(__dirname, '..', '..', 'test-artifacts'));

export type SquiggleKind = 'error' | 'warning' | 'info' | 'any';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class Workbench {
  constructor(readonly page: Page) {}

  async waitUntilReady(timeoutMs = 60_000): Promise<void> {
    await this.page.waitForSelector('.monaco-workbench', { timeout: timeoutMs });
    await this.page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: timeoutMs });
  }

  /** Opens `relativePath` by clicking through the explorer tree, expanding folders on the way. */
  async openFileFromExplorer(relativePath: string, timeoutMs = 30_000): Promise<void> {
    const parts = relativePath.split('/').filter(Boolean);
    const tree = this.page.locator('.explorer-folders-view');
    for (const [i, part] of parts.entries()) {
      const item = tree.getByRole('treeitem', { name: new RegExp(`^${escapeRegExp(part)}$`) }).first();
      await item.waitFor({ timeout: timeoutMs });
      const isFile = i === parts.length - 1;
      if (isFile) {
        await item.click();
      } else if ((await item.getAttribute('aria-expanded')) !== 'true') {
        await item.click();
      }
    }
    const tab = this.page.locator('.tabs-container .tab.active', { hasText: parts[parts.length - 1] });
    await tab.waitFor({ timeout: timeoutMs });
    await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ timeout: timeoutMs });
  }

  /** The first squiggle of that kind in the active editor, once the language server has produced one. */
  async waitForSquiggle(kind: SquiggleKind = 'any', timeoutMs = 60_000): Promise<Locator> {
    const cls = kind === 'any' ? '.squiggly-error, .squiggly-warning, .squiggly-info' : `.squiggly-${kind}`;
    const squiggle = this.page.locator('.editor-group-container.active .monaco-editor').locator(cls).first();
    await squiggle.waitFor({ timeout: timeoutMs });
    return squiggle;
  }

  /** The squiggle of that kind on the editor line matching `line`: a finding on that field, not anywhere in the file. */
  async squiggleOnLine(line: string | RegExp, kind: SquiggleKind = 'error', timeoutMs = 60_000): Promise<Locator> {
    const row = await this.editorLine(line, 30_000);
    const cls = kind === 'any' ? '.squiggly-error, .squiggly-warning, .squiggly-info' : `.squiggly-${kind}`;
    const all = this.page.locator('.editor-group-container.active .monaco-editor').locator(cls);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const box = await row.boundingBox();
      for (let i = 0; i < (await all.count()); i++) {
        const sq = all.nth(i);
        const b = await sq.boundingBox();
        if (box && b && b.y + b.height / 2 >= box.y && b.y + b.height / 2 <= box.y + box.height + 2) return sq;
      }
      if (Date.now() > deadline) throw new Error(`no ${kind} squiggle on the line ${String(line)}`);
      await this.page.waitForTimeout(250);
    }
  }

  async focusEditor(): Promise<void> {
    await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  }

  /** Waits until the active editor shows no squiggle of that kind (a fix applied, an edit undone). */
  async waitForNoSquiggle(kind: SquiggleKind = 'any', timeoutMs = 60_000): Promise<void> {
    const cls = kind === 'any' ? '.squiggly-error, .squiggly-warning, .squiggly-info' : `.squiggly-${kind}`;
    await this.page.locator('.editor-group-container.active .monaco-editor').first().locator(cls).first().waitFor({ state: 'detached', timeout: timeoutMs });
  }

  /** A code lens of the active editor whose text matches `text` (lenses refresh a moment after the diagnostics). */
  async waitForCodeLens(text: string | RegExp, timeoutMs = 15_000): Promise<Locator> {
    const lens = this.page.locator('.editor-group-container.active .monaco-editor .codelens-decoration', { hasText: text }).first();
    await lens.waitFor({ timeout: timeoutMs });
    return lens;
  }

  /** Toggles the Problems panel on (Ctrl+Shift+M) and returns it. */
  async openProblems(timeoutMs = 15_000): Promise<Locator> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.focusEditor();
      await this.page.keyboard.press('Control+Shift+M');
    }
    await panel.waitFor({ timeout: timeoutMs });
    return panel;
  }

  /** A row of the Problems panel whose text contains `text`. */
  async problem(text: string | RegExp, timeoutMs = 30_000): Promise<Locator> {
    const panel = await this.openProblems();
    const row = panel.locator('.monaco-list-row', { hasText: text }).first();
    await row.waitFor({ timeout: timeoutMs });
    return row;
  }

  /**
   * Opens the location of a diagnostic's related information from the Problems panel (the child row under the
   * problem; `text` matches its message or resource). Markers with related information start collapsed in some
   * versions, so the parent row is expanded first when the child is not shown.
   */
  async openRelatedInformation(problemText: string | RegExp, text: string | RegExp, timeoutMs = 30_000): Promise<void> {
    const panel = await this.openProblems();
    const related = panel.locator('.monaco-list-row', { has: this.page.locator('.related-info-resource'), hasText: text }).first();
    if (!(await related.isVisible())) {
      const parent = await this.problem(problemText, timeoutMs);
      if ((await parent.getAttribute('aria-expanded')) === 'false') await parent.locator('.monaco-tl-twistie').click();
    }
    await related.waitFor({ timeout: timeoutMs });
    await related.click();
  }

  /** Runs a command by its palette title ("Category: Title") through F1. */
  async runCommand(title: string, timeoutMs = 15_000): Promise<void> {
    await this.focusEditorIfOpen();
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: timeoutMs });
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ timeout: timeoutMs });
    await this.page.keyboard.press('Enter');
  }

  /** Commands the palette offers for `query`, as shown (category: title). */
  async paletteEntries(query: string, timeoutMs = 15_000): Promise<string[]> {
    await this.focusEditorIfOpen();
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: timeoutMs });
    await input.fill(`>${query}`);
    const rows = this.page.locator('.quick-input-list .monaco-list-row');
    await rows.first().waitFor({ timeout: timeoutMs }).catch(() => undefined);
    const labels = await rows.locator('.label-name').allTextContents();
    await this.page.keyboard.press('Escape');
    return labels.map((l) => l.trim());
  }

  /** Puts the cursor in the middle of `squiggle`, presses Ctrl+. and returns the offered action titles. */
  async quickFixesAt(squiggle: Locator, timeoutMs = 45_000): Promise<string[]> {
    // the workbench keeps more than one .action-widget element around; only the menu just opened is visible
    const items = this.page.locator('.action-widget .monaco-list-row:visible');
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 1; ; attempt++) {
      await this.clickCenter(squiggle);
      await this.page.keyboard.press('Control+.');
      const wait = Math.min(5_000, Math.max(0, deadline - Date.now()));
      const shown = await items.first().waitFor({ timeout: wait }).then(() => true, () => false);
      if (shown) return (await items.allTextContents()).map((t) => t.trim()).filter(Boolean);
      if (Date.now() >= deadline) throw new Error(`the quick-fix menu did not open after ${attempt} tries of Ctrl+. in ${timeoutMs} ms`);
      // a menu that opens while the editor is still laying out (code lenses arriving) is closed again at once
      console.log(`[ui-driver] quick-fix menu not shown after Ctrl+. (try ${attempt}); trying again`);
      await this.page.keyboard.press('Escape');
    }
  }

  /** With the quick-fix menu open, applies the action whose title contains `title`. */
  async applyQuickFix(title: string | RegExp, timeoutMs = 15_000): Promise<void> {
    const item = this.page.locator('.action-widget .monaco-list-row:visible', { hasText: title }).first();
    await item.waitFor({ timeout: timeoutMs });
    await item.click();
  }

  /** Hovers `target` and returns the hover's text. */
  async hoverText(target: Locator, timeoutMs = 15_000): Promise<string> {
    const hover = this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover .hover-contents').first();
    const deadline = Date.now() + timeoutMs;
    // A hover asked for while the editor is still laying out (a squiggle just drawn, a toast sliding in) never
    // opens: move off and onto the target again, read where it is now, within the same overall time.
    for (;;) {
      const box = await target.boundingBox();
      if (!box) throw new Error('hover target is not visible');
      await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const left = deadline - Date.now();
      try {
        await hover.waitFor({ timeout: Math.max(1, Math.min(4_000, left)) });
        return (await hover.textContent()) ?? '';
      } catch (e) {
        if (Date.now() >= deadline) throw e;
        await this.page.mouse.move(0, 0);
      }
    }
  }

  /** Text of the active editor's visible lines (monaco renders spaces as U+00A0). */
  async activeEditorText(): Promise<string> {
    const text = await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
    return text.replace(/\u00a0/g, ' ');
  }

  /** The rendered line of the active editor whose text matches `text` (spaces may be rendered as U+00A0). */
  async editorLine(text: string | RegExp, timeoutMs = 15_000): Promise<Locator> {
    const pattern = typeof text === 'string' ? new RegExp(escapeRegExp(text).replace(/ /g, '\\s')) : text;
    const line = this.page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line', { hasText: pattern }).first();
    await line.waitFor({ timeout: timeoutMs });
    return line;
  }

  /** The resource of the editor that has focus in the active group, as the workbench names it (scheme:path?query). */
  async activeEditorUri(): Promise<string> {
    return (await this.page.locator('.editor-group-container.active .monaco-editor[data-uri]').first().getAttribute('data-uri')) ?? '';
  }

  async activeTabTitle(): Promise<string> {
    return ((await this.page.locator('.editor-group-container.active .tabs-container .tab.active').first().textContent()) ?? '').trim();
  }

  /**
   * The body of the webview shown last. A webview is two frames deep: the workbench's host iframe, then the
   * extension's document in its `active-frame`.
   */
  async activeWebviewBody(timeoutMs = 30_000): Promise<Locator> {
    const host = this.page.locator('iframe.webview.ready').last();
    await host.waitFor({ timeout: timeoutMs });
    const content = host.contentFrame().locator('iframe#active-frame');
    await content.waitFor({ state: 'attached', timeout: timeoutMs });
    const body = content.contentFrame().locator('body');
    await body.waitFor({ state: 'attached', timeout: timeoutMs });
    return body;
  }

  /** Saves a full-window screenshot as test-artifacts/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const file = path.join(ARTIFACTS_DIR, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  private async clickCenter(target: Locator): Promise<void> {
    const box = await target.boundingBox();
    if (!box) throw new Error('target is not visible');
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  private async focusEditorIfOpen(): Promise<void> {
    const lines = this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
    if (await lines.isVisible()) await lines.click();
  }
}

export interface EditorSession {
  server: CodeServer;
  browser: BrowserContext;
  workbench: Workbench;
  /** Workbench log lines (console errors and page errors), for failure reports. */
  consoleErrors: string[];
  close(): Promise<void>;
}

/** code-server + chromium showing `folder`; `vsix` files are installed first, as a user would. */
export async function openEditor(folder: string, options: CodeServerOptions & { payload?: [string, string][] } = {}): Promise<EditorSession> {
  const server = await startCodeServer(options);
  let browser: BrowserContext | undefined;
  try {
    browser = await launchChromium(server.env.chromium, path.join(server.runDir, 'chromium'));
    const page = browser.pages()[0] ?? (await browser.newPage());
    const consoleErrors: string[] = [];
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 500)); });
    await page.goto(server.folderUrl(folder, options.payload));
    const workbench = new Workbench(page);
    await workbench.waitUntilReady();
    const opened = browser;
    return {
      server,
      browser: opened,
      workbench,
      consoleErrors,
      async close() {
        await opened.close().catch(() => undefined);
        await server.stop();
      },
    };
  } catch (e) {
    await browser?.close().catch(() => undefined);
    await server.stop();
    throw e;
  }
}
