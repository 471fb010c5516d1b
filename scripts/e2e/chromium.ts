// Debian's chromium driven by playwright-core (no browser download on these machines).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

// Quiet, offline-friendly browser: no sandbox (root in CI), no GPU, nothing phoning home during a test.
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(executablePath: string, profileDir: string): Promise<BrowserContext> {
  fs.mkdirSync(profileDir, { recursive: true });
  // Playwright refuses --user-data-dir among the args; a persistent context is how a fresh profile is given.
  return chromium.launchPersistentContext(path.resolve(profileDir), {
    executablePath,
    headless: process.env.SKEW_E2E_HEADED !== '1',
    viewport: { width: 1400, height: 900 },
    args: CHROMIUM_FLAGS,
    // The report's "Copy to clipboard" goes through the page's clipboard; a test reads it back.
    permissions: ['clipboard-read', 'clipboard-write'],
  });
}
