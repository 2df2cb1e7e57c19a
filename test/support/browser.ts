// The browser tier's pieces: the web app built once (when stale), the whole stack listening on
// a loopback port, and Debian's Chromium driven by Playwright (its own browser download is not
// reachable here), with axe for accessibility and screenshots saved as test artifacts.
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DEFAULT_DEMO_PASSWORD } from '../../libs/config/config';
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

/**
 * A fresh browser context (Chinese locale, a desktop screen, downloads allowed) and its page; closed by the stack's stop.
 * The browser's clock is set to Los Angeles, 16 hours behind the office: from midnight to 16:00 in
 * Shanghai its local day is the day before, so a screen that took "today" or showed a time from the
 * machine's zone instead of the office's (apps/web/src/today.ts) fails the journeys most of the day.
 */
export async function newPage(s: BrowserStack): Promise<Page> {
  const ctx = await s.browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'America/Los_Angeles',
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  });
  return ctx.newPage();
}

/** Logs in through the login page; with the demo password, waits for the workbench. */
export async function loginAs(page: Page, s: BrowserStack, username: string, password = DEFAULT_DEMO_PASSWORD): Promise<void> {
  await page.goto(s.url + '/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  if (password === DEFAULT_DEMO_PASSWORD) await page.getByRole('button', { name: /退出登录/ }).waitFor();
}

/** axe finds no serious or critical violation on the page (after antd's animations settle). */
export async function expectAccessible(page: Page): Promise<void> {
  await page.waitForTimeout(400);
  expect(await seriousViolations(page)).toEqual([]);
}
