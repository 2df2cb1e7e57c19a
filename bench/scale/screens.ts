// The supervisors' screens over the seeded office, in Debian's Chromium: the time from navigation
// to the board's first rows, and to the statistics page's five charts with their tables. The first
// visit of each is cold (the page's code and the API's first query); the rest are warm.
import { chromium } from '@playwright/test';
import { performance } from 'node:perf_hooks';
import { DEFAULT_DEMO_PASSWORD } from '../../libs/config/config';

/* eslint-disable @typescript-eslint/no-require-imports */
const { buildWebIfStale } = require('../../scripts/lib/web');
/* eslint-enable @typescript-eslint/no-require-imports */

export interface ScreenTiming {
  screen: string;
  visits: number[];
  /** per visit: the time the page's main API call took (request sent to response end) */
  api: number[];
}

export async function timeScreens(baseUrl: string, visits: number, log: (s: string) => void): Promise<ScreenTiming[]> {
  if (!buildWebIfStale()) throw new Error('the web app did not build (npm run build:web)');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  try {
    const page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto(baseUrl + '/');
    await page.getByLabel('用户名').fill('supervisor');
    await page.getByLabel('密码').fill(DEFAULT_DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('button', { name: /退出登录/ }).waitFor();
    const screens: { screen: string; path: string; api: string; ready: () => Promise<void> }[] = [
      {
        screen: 'board (督办)',
        path: '/board',
        api: '/api/supervision/board',
        ready: async () => {
          await page.locator('.ant-table-row').first().waitFor({ timeout: 60_000 });
        },
      },
      {
        screen: 'statistics (统计)',
        path: '/stats',
        api: '/api/supervision/stats',
        ready: async () => {
          await page.locator('[data-chart] canvas').nth(4).waitFor({ timeout: 60_000 });
          await page.locator('[data-chart] .ant-table-row').first().waitFor({ timeout: 60_000 });
        },
      },
    ];
    const out: ScreenTiming[] = [];
    for (const s of screens) {
      const times: number[] = [];
      const api: number[] = [];
      for (let i = 0; i < visits; i++) {
        await page.goto('about:blank');
        const main = page.waitForResponse((r) => new URL(r.url()).pathname === s.api, { timeout: 60_000 });
        const t = performance.now();
        await page.goto(baseUrl + s.path);
        await s.ready();
        times.push(performance.now() - t);
        const res = await main;
        await res.finished();
        const timing = res.request().timing();
        api.push(timing.responseEnd - timing.requestStart);
      }
      log(`  ${s.screen}: ${times.map((x, i) => `${Math.round(x)} ms (API ${Math.round(api[i])} ms)`).join(', ')}`);
      out.push({ screen: s.screen, visits: times, api });
    }
    return out;
  } finally {
    await browser.close();
  }
}
