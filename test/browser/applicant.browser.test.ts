// The applicant's side through the browser: a citizen applies on /apply on a phone-sized screen,
// a clerk confirms receipt from the 待确认 list, and the citizen sees the registration number and
// the due day on /track; a wrong phone number finds nothing. axe on both public pages.
import { type BrowserContext, expect as see, type Page } from '@playwright/test';
import { DEFAULT_DEMO_PASSWORD } from '../../libs/config/config';
import { seriousViolations, shot, startBrowserStack, type BrowserStack } from '../support/browser';

jest.setTimeout(180_000);

describe("the applicant's pages in the browser", () => {
  let s: BrowserStack;
  const contexts: BrowserContext[] = [];
  let code = '';
  const phone = (ctx: BrowserContext) => ctx.newPage();
  const open = async (mobile: boolean): Promise<Page> => {
    const ctx = await s.browser.newContext({
      locale: 'zh-CN',
      viewport: mobile ? { width: 390, height: 844 } : { width: 1400, height: 900 },
      isMobile: mobile,
      hasTouch: mobile,
    });
    contexts.push(ctx);
    return phone(ctx);
  };
  const accessible = async (page: Page) => {
    await page.waitForTimeout(400);
    expect(await seriousViolations(page)).toEqual([]);
  };

  beforeAll(async () => {
    // With the outbox delivery running: no SMTP or SMS is configured, so it holds the messages.
    s = await startBrowserStack({ outboxDelivery: true });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await s?.stop();
  });

  it('a citizen applies online on a phone and gets a query code', async () => {
    const page = await open(true);
    await page.goto(s.url + '/apply');
    await page.getByLabel('姓名').fill('李四');
    await page.getByLabel('证件号码').fill('371302198506123412');
    await page.getByLabel('联系电话（查询进度时需要）').fill('13905391234');
    await page.getByLabel('所需政府信息的名称、文号或者便于查询的其他特征性描述').fill('申请公开2025年临沂市城区公交线路调整听证会记录');
    await accessible(page);
    await shot(page, '20-apply-phone');
    await page.getByRole('button', { name: /提交申请/ }).click();
    const shown = page.getByTestId('query-code');
    await shown.waitFor();
    code = ((await shown.textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Za-z0-9]{12,}$/);
    await shot(page, '21-applied');
    const [row] = await s.dataSource.query(`SELECT status, channel FROM applications ORDER BY created_at DESC LIMIT 1`);
    expect(row).toEqual({ status: 'awaiting_confirmation', channel: 'online' });
  });

  it('the clerk confirms it from the 待确认 list, and the citizen sees the number and due day', async () => {
    const clerk = await open(false);
    await clerk.goto(s.url + '/');
    await clerk.getByLabel('用户名').fill('clerk');
    await clerk.getByLabel('密码').fill(DEFAULT_DEMO_PASSWORD);
    await clerk.getByRole('button', { name: /登\s*录/ }).click();
    await clerk.getByRole('link', { name: /待确认/ }).click();
    await clerk
      .getByRole('button', { name: /确认收到/ })
      .first()
      .click();
    await clerk
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*认/ })
      .click();
    await see(clerk.getByText(/^已确认收到：LYZF-\d{4}-\d{5}$/)).toBeVisible();
    const [c] = await s.dataSource.query(
      `SELECT registration_number, to_char(due_on, 'YYYY-MM-DD') AS due_on FROM applications ORDER BY created_at DESC LIMIT 1`,
    );

    const citizen = await open(true);
    await citizen.goto(`${s.url}/track?code=${code}`);
    await citizen.getByLabel('申请时填写的联系电话').fill('13905391234');
    await citizen.getByRole('button', { name: /查\s*询/ }).click();
    await see(citizen.getByText(c.registration_number)).toBeVisible();
    await see(citizen.getByText(c.due_on)).toBeVisible();
    await accessible(citizen);
    await shot(citizen, '22-track-phone');

    await citizen.getByLabel('申请时填写的联系电话').fill('13905390000');
    await citizen.getByRole('button', { name: /查\s*询/ }).click();
    await see(citizen.getByRole('alert')).toContainText('未找到与该查询码和电话号码相符的申请');
  });

  it('keeps the messages in the outbox with no SMTP or SMS configured, and shows them to the administrator (发件箱)', async () => {
    const admin = await open(false);
    await admin.goto(s.url + '/');
    await admin.getByLabel('用户名').fill('admin');
    await admin.getByLabel('密码').fill(DEFAULT_DEMO_PASSWORD);
    await admin.getByRole('button', { name: /登\s*录/ }).click();
    await admin.getByRole('link', { name: /发件箱/ }).click();
    // The receipt message to the citizen's phone, held: no SMS gateway is configured here.
    const row = admin.locator('.ant-table-row', { hasText: '13905391234' }).first();
    await see(row).toContainText(/确认收到，编号LYZF-\d{4}-\d{5}，答复期限\d{4}-\d{2}-\d{2}/);
    for (let i = 0; i < 30 && !((await row.textContent()) ?? '').includes('未发送（未配置发送渠道）'); i++) {
      await admin.waitForTimeout(500);
      await admin.reload();
    }
    await see(row).toContainText('未发送（未配置发送渠道）');
    await accessible(admin);
    await shot(admin, '23-outbox');
  });
});
