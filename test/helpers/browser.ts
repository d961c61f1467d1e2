import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (.ci/run installs it); playwright cannot download a browser here. */
export const CHROMIUM = process.env['PI_SENDER_CHROMIUM'] ?? '/usr/bin/chromium';

/**
 * A headless Chromium with a fresh profile. Fails loudly when the browser is missing: a test that
 * needs it must not pass without it.
 */
export async function browser(): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
  return chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'pi-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1300, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
