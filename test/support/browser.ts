// The browser tier's pieces: the web app built once (when stale), the whole stack listening on
// a loopback port, and Debian's Chromium driven by Playwright (its own browser download is not
// reachable here), with axe for accessibility and screenshots saved as test artifacts.
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startStack, type Stack, type StackOptions } from './stack';

/* eslint-disable @typescript-eslint/no-require-imports */
const { buildWebIfStale } = require('../../scripts/lib/web');
/* eslint-enable @typescript-eslint/no-require-imports */

export const SCREENSHOTS = join(__dirname, '..', '..', 'test-artifacts', 'screenshots');

export interface BrowserStack extends Stack {
  url: string;
  browser: Browser;
}

export async function startBrowserStack(options: StackOptions = {}): Promise<BrowserStack> {
  if (!buildWebIfStale()) throw new Error('the web app did not build (npm run build:web)');
  const stack = await startStack(options);
  await new Promise<void>((resolve) => stack.http.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(stack.http.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    ...stack,
    url,
    browser,
    async stop() {
      await browser.close();
      await stack.stop();
    },
  };
}

/**
 * axe's serious and critical violations on the page (WCAG 2 A/AA rules), as "rule: target" lines.
 * Letter previews (iframes of the letter's HTML) are left out: they show the official document as
 * it is printed (its seal mark included), not the workbench's own screens.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).exclude('iframe').analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Picks an option of an antd Select by the input's id and the option's title (a prefix of it). */
export async function pick(page: Page, id: string, title: string): Promise<void> {
  const option = page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title^="${title}"]`).first();
  for (let attempt = 0; ; attempt++) {
    await page.locator(`.ant-select:has(#${id}) .ant-select-selector`).click();
    try {
      await option.waitFor({ state: 'visible', timeout: 3000 });
      await option.click();
      return;
    } catch (err) {
      // The dialog may still have been opening: close the list and try again.
      if (attempt >= 3) throw err;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(300);
    }
  }
}
