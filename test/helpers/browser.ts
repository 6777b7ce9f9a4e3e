/**
 * Real Chromium for browser tests (playwright-core with the system Chromium, no downloaded
 * browsers). Shared by every browser test: the search tests use it, the site's page tests can too.
 *
 * When Chromium is missing, a suite declared with describeWithChromium is skipped with the reason
 * in its title — except on CI (process.env.CI set), where the suite fails with a clear message,
 * so a CI image without Chromium cannot pass unnoticed.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { describe, it } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM_PATH)
    ? undefined
    : `Chromium nebyl nalezen v ${CHROMIUM_PATH} (nainstalujte balíček chromium, nebo nastavte CHROMIUM_PATH)`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** describe() that needs Chromium: runs it, skips it with the reason, or (on CI) fails. */
export function describeWithChromium(name: string, suite: () => void): void {
  const missing = chromiumMissing();
  if (!missing) {
    describe(name, suite);
  } else if (process.env.CI) {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`${missing}. Na CI se prohlížečové testy nesmějí přeskočit.`);
      });
    });
  } else {
    console.warn(`[${name}] přeskočeno: ${missing}`);
    describe.skip(`${name} — přeskočeno: ${missing}`, suite);
  }
}
