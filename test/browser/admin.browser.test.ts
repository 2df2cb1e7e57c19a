// The 管理 pages through the browser, against the whole stack: an administrator creates a user
// (one-time password shown once), deactivates a user who holds an open case and is warned with the
// case listed; keeps offices' required fields (errors in Chinese per field); loads a corrected
// calendar year after previewing the case whose due day moves (old → new, and the same after
// applying); edits a letter template, sees the live preview change, saves it and finds the new
// version under their name. A clerk sees none of it. axe on every page; screenshots saved.
import { type BrowserContext, expect as see, type Page } from '@playwright/test';
import request from 'supertest';
import { DEFAULT_DEMO_PASSWORD } from '../../libs/config/config';
import { inPersonSubmission, loginAll, type AuthHeaders } from '../support/http-session';
import { pick, seriousViolations, shot, startBrowserStack, type BrowserStack } from '../support/browser';

jest.setTimeout(240_000);

describe('the administration pages in the browser', () => {
  let s: BrowserStack;
  let as: AuthHeaders;
  const contexts: BrowserContext[] = [];

  const open = async (): Promise<Page> => {
    const ctx = await s.browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    contexts.push(ctx);
    return ctx.newPage();
  };
  const login = async (username: string): Promise<Page> => {
    const page = await open();
    await page.goto(s.url + '/');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEFAULT_DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('button', { name: /退出登录/ }).waitFor();
    return page;
  };
  const accessible = async (page: Page) => {
    await page.waitForTimeout(400); // let antd's enter/leave animations finish
    expect(await seriousViolations(page)).toEqual([]);
  };
  const register = async (receivedOn?: string): Promise<{ id: string; registrationNumber: string; dueOn: string }> =>
    (
      await request(s.http)
        .post('/api/applications')
        .set(as('clerk'))
        .send({ ...inPersonSubmission('王五'), ...(receivedOn ? { receivedOn } : {}) })
        .expect(201)
    ).body;

  beforeAll(async () => {
    s = await startBrowserStack();
    as = await loginAll(s, ['clerk', 'supervisor', 'admin']);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await s?.stop();
  });

  it('creates a user with a role and department and shows the one-time password once', async () => {
    const page = await login('admin');
    await page.getByRole('link', { name: /用户管理/ }).click();
    await see(page.locator('.ant-table-row', { hasText: 'supervisor' })).toBeVisible();
    await accessible(page);
    await shot(page, '40-admin-users');

    await page.getByRole('button', { name: /新建用户/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await see(dialog.getByText('请填写用户名')).toBeVisible();
    await see(dialog.getByText('承办人、审核人和督办主管必须属于一个部门')).toBeVisible();
    await dialog.getByLabel('用户名').fill('Li Si');
    await see(dialog.getByText(/用户名须为 3–32 位/)).toBeVisible();
    await dialog.getByLabel('用户名').fill('li.si');
    await dialog.getByLabel('姓名').fill('李四（承办人）');
    await pick(page, 'departmentCode', '市政府办公室政务公开科');
    await accessible(page);
    await shot(page, '41-admin-user-create');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();

    const shown = page.getByTestId('one-time-password');
    await shown.waitFor();
    const password = ((await shown.textContent()) ?? '').trim();
    expect(password).toMatch(/^[A-Za-z2-9]{14}$/);
    await shot(page, '42-admin-user-password');
    await page.getByRole('button', { name: /我已记下/ }).click();
    await see(shown).toHaveCount(0);
    const row = page.locator('.ant-table-row', { hasText: 'li.si' });
    await see(row).toContainText('李四（承办人）');
    await see(row).toContainText('市政府办公室政务公开科');
    // The password shown is the one that works.
    await request(s.http).post('/api/auth/login').send({ username: 'li.si', password }).expect(200);
    const [u] = await s.dataSource.query(`SELECT role, active FROM users WHERE username = 'li.si'`);
    expect(u).toEqual({ role: 'clerk', active: true });
  });

  it('deactivates a user who holds an open case only after a warning that lists the case', async () => {
    const held = await register();
    await request(s.http).post(`/api/applications/${held.id}/actions/triage`).set(as('clerk')).send({ outcome: 'accept' }).expect(200);
    await request(s.http)
      .post(`/api/applications/${held.id}/actions/assign`)
      .set(as('supervisor'))
      .send({ assignee: 'li.si', department: 'OGI' })
      .expect(200);

    const page = await login('admin');
    await page.goto(s.url + '/admin/users');
    const row = page.locator('.ant-table-row', { hasText: 'li.si' });
    await see(row).toContainText('在用');
    await page.getByRole('button', { name: '停用 li.si' }).click();
    const dialog = page.getByRole('dialog');
    await see(dialog.getByRole('alert')).toContainText('该用户仍承办 1 件未办结的案件');
    await see(dialog.getByRole('alert')).toContainText('须由督办主管在“督办”中重新分办');
    await see(dialog.locator('.ant-table-row', { hasText: held.registrationNumber })).toBeVisible();
    await accessible(page);
    await shot(page, '43-admin-user-deactivate');
    await dialog.getByRole('button', { name: /确认停用/ }).click();
    await see(row).toContainText('已停用');
    const [u] = await s.dataSource.query(`SELECT active FROM users WHERE username = 'li.si'`);
    expect(u.active).toBe(false);
    // The case stays with them until a supervisor reassigns it.
    const [c] = await s.dataSource.query(`SELECT assignee FROM applications WHERE id = $1`, [held.id]);
    expect(c.assignee).toBe('li.si');
    // Reactivation is one confirmation away.
    await page.getByRole('button', { name: '启用 li.si' }).click();
    await page.getByRole('button', { name: /^启\s*用$/ }).click();
    await see(row).toContainText('在用');

    // A new password, shown once: it works, and the one before does not.
    await page.getByRole('button', { name: '重置密码 li.si' }).click();
    await page.getByRole('button', { name: /^重\s*置$/ }).click();
    const shown = page.getByTestId('one-time-password');
    const password = ((await shown.textContent()) ?? '').trim();
    expect(password).toMatch(/^[A-Za-z2-9]{14}$/);
    await page.getByRole('button', { name: /我已记下/ }).click();
    await see(shown).toHaveCount(0);
    await request(s.http).post('/api/auth/login').send({ username: 'li.si', password }).expect(200);

    // Name and e-mail changed in the dialog; the row shows them.
    await page.getByRole('button', { name: '修改 li.si' }).click();
    const dialog2 = page.getByRole('dialog');
    await dialog2.getByLabel('姓名').fill('李四（信息公开岗）');
    await dialog2.getByLabel('电子邮箱').fill('not-an-address');
    await see(dialog2.getByText('电子邮箱格式不正确')).toBeVisible();
    await dialog2.getByLabel('电子邮箱').fill('li.si@example.gov.cn');
    await dialog2.getByRole('button', { name: /保\s*存/ }).click();
    await see(row).toContainText('李四（信息公开岗）');
    await see(row).toContainText('li.si@example.gov.cn');
  });

  it('keeps an office’s reconsideration organ, court, address and phone required, in Chinese per field', async () => {
    const page = await login('admin');
    await page.getByRole('link', { name: /机关与部门/ }).click();
    await see(page.locator('.ant-table-row', { hasText: '临沂市人民政府办公室' }).first()).toBeVisible();
    await see(page.getByText('市政府办公室政务公开科')).toBeVisible();
    await accessible(page);
    await shot(page, '44-admin-offices');

    await page.getByRole('button', { name: /新建机关/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    for (const text of ['请填写机关代码', '请填写机关名称', '请填写行政复议机关', '请填写管辖法院', '请填写通信地址', '请填写联系电话'])
      await see(dialog.getByText(text)).toBeVisible();
    await dialog.getByLabel('机关代码').fill('FEIXIAN');
    await dialog.getByLabel('机关名称').fill('费县人民政府办公室');
    await dialog.getByLabel('登记编号前缀').fill('FXZF');
    await dialog.getByLabel('行政复议机关').fill('费县人民政府办公室');
    await dialog.getByLabel('管辖法院').fill('费县人民法院');
    await dialog.getByLabel('通信地址').fill('山东省临沂市费县人民路1号');
    await dialog.getByLabel('联系电话').fill('电话');
    await see(dialog.getByText('行政复议机关不能是本机关自己')).toBeVisible();
    await see(dialog.getByText(/联系电话只能包含数字/)).toBeVisible();
    await accessible(page);
    await shot(page, '45-admin-office-errors');
    await dialog.getByLabel('行政复议机关').fill('临沂市人民政府');
    await dialog.getByLabel('联系电话').fill('0539-5221234');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await see(page.locator('.ant-table-row', { hasText: '费县人民政府办公室' })).toContainText('费县人民法院');
    const [o] = await s.dataSource.query(`SELECT reconsideration_organ, court, address, phone FROM offices WHERE code = 'FEIXIAN'`);
    expect(o).toEqual({
      reconsideration_organ: '临沂市人民政府',
      court: '费县人民法院',
      address: '山东省临沂市费县人民路1号',
      phone: '0539-5221234',
    });
  });

  it('previews which open case changes its due day, loads the year, and shows the job and the new due day', async () => {
    // Received Fri 2026-11-27: 20 working days end on Fri 2026-12-25. One more day off on
    // 2026-12-01 moves it to Mon 2026-12-28 (as in test/e2e/calendar.e2e.test.ts).
    const c = await register('2026-11-27');
    expect(c.dueOn).toBe('2026-12-25');
    const { version: _v, ...year2026 } = (await request(s.http).get('/api/calendar/years/2026').set(as('admin')).expect(200)).body;
    const corrected = { ...year2026, days: [...year2026.days, { date: '2026-12-01', kind: 'holiday', name: '测试更正' }] };

    const page = await login('admin');
    await page.getByRole('link', { name: /工作日历/ }).click();
    await pick(page, 'calendar-year', '2026年');
    await see(page.getByText('已载入正式安排')).toBeVisible();
    await accessible(page);
    await shot(page, '46-admin-calendar');

    // The State Council's arrangement as an iCalendar feed: read by the server, previewed.
    const ics = [
      'BEGIN:VCALENDAR',
      ...corrected.days.flatMap((d: { date: string; kind: string; name?: string }) => [
        'BEGIN:VEVENT',
        `DTSTART;VALUE=DATE:${d.date.replaceAll('-', '')}`,
        `SUMMARY:${d.name ?? '节假日'}${d.kind === 'holiday' ? '（休）' : '（班）'}`,
        'END:VEVENT',
      ]),
      'END:VCALENDAR',
    ].join('\r\n');
    const fileInput = page.locator('input[type=file]');
    await fileInput.setInputFiles({ name: '2026.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
    await see(page.getByText('已选择文件：2026.ics')).toBeVisible();
    await see(page.getByTestId(`due-change-${c.registrationNumber}`)).toHaveText('2026年12月25日 (周五) → 2026年12月28日 (周一)');
    // The same arrangement as JSON, which is then applied.
    await fileInput.setInputFiles({ name: '2026.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(corrected)) });
    await see(page.getByText('已选择文件：2026.json')).toBeVisible();
    const change = page.getByTestId(`due-change-${c.registrationNumber}`);
    await see(change).toHaveText('2026年12月25日 (周五) → 2026年12月28日 (周一)');
    await see(page.getByTestId('calendar-preview')).toContainText('其中 1 件的答复期限会改变');
    await see(page.getByTestId('calendar-preview').locator('.ant-table-row', { hasText: '2026年12月1日' })).toContainText('新增');
    // Nothing is loaded by the preview.
    const [{ n: before }] = await s.dataSource.query(`SELECT count(*)::int AS n FROM calendar_versions`);
    await accessible(page);
    await shot(page, '47-admin-calendar-preview');

    await page.getByRole('button', { name: /应用：载入2026年安排/ }).click();
    await see(page.getByTestId('calendar-job')).toContainText('所有相关案件已更新', { timeout: 60_000 });
    await see(page.getByTestId('calendar-job-changed')).toHaveText('1 件', { timeout: 30_000 });
    const now = page.getByTestId(`due-now-${c.registrationNumber}`);
    await see(now).toContainText('2026年12月28日 (周一)', { timeout: 30_000 });
    await see(now).toContainText('已更新');
    const [{ n: after }] = await s.dataSource.query(`SELECT count(*)::int AS n FROM calendar_versions`);
    expect(after).toBe(before + 1);
    const [row] = await s.dataSource.query(`SELECT to_char(due_on, 'YYYY-MM-DD') AS d FROM applications WHERE id = $1`, [c.id]);
    expect(row.d).toBe('2026-12-28');
    await accessible(page);
    await shot(page, '48-admin-calendar-applied');
  });

  it('edits a template with a live preview, saves a new version and lists it under the administrator’s name', async () => {
    const page = await login('admin');
    await page.getByRole('link', { name: /文书模板/ }).click();
    const preview = page.frameLocator('[data-testid=template-preview]');
    await see(preview.locator('body')).toContainText('政府信息公开申请登记回执');
    await see(page.locator('.ant-table-row', { hasText: '第 1 版' })).toContainText('系统内置');
    await accessible(page);
    await shot(page, '49-admin-templates');

    const title = '政府信息公开申请登记回执（浏览器测试修订）';
    await page.getByLabel('标题', { exact: true }).fill(title);
    await page.getByLabel('第 3 段').fill('{{pronoun}}查询办理进度时，请提供上述登记编号，或拨打本机关电话。');
    await see(preview.locator('body')).toContainText(title);
    await see(preview.locator('body')).toContainText('或拨打本机关电话');
    // A placeholder the template cannot fill: the preview says so and keeps the last good one.
    await page.getByLabel('第 3 段').fill('请携带{{identityDocument}}前来');
    await see(page.getByText('模板有误，预览未更新；请按以下提示修改：')).toBeVisible();
    await see(page.locator('.ant-alert-description', { hasText: 'identityDocument' })).toBeVisible();
    await page.getByLabel('第 3 段').fill('{{pronoun}}查询办理进度时，请提供上述登记编号，或拨打本机关电话。');
    await see(page.getByText('模板有误，预览未更新；请按以下提示修改：')).toHaveCount(0);
    await accessible(page);
    await shot(page, '50-admin-template-edit');

    await page.getByRole('button', { name: /保存为新版本/ }).click();
    const v2 = page.locator('.ant-table-row', { hasText: '第 2 版' });
    await see(v2).toContainText('在用');
    await see(v2).toContainText('系统管理员（admin）');
    await see(v2).toContainText(title);
    await see(v2).toContainText('标题');
    await see(v2).toContainText('正文段落');
    const [t] = await s.dataSource.query(
      `SELECT version, created_by, body->>'title' AS title FROM notice_templates WHERE kind = 'registration-receipt' AND regime = '2019'`,
    );
    expect(t).toEqual({ version: 2, created_by: 'admin', title });
    await shot(page, '51-admin-template-saved');

    // The old version, as it was.
    await page.getByRole('button', { name: '查看第 1 版' }).click();
    const dialog = page.getByRole('dialog');
    await see(dialog.frameLocator('[data-testid=template-preview]').locator('body')).toContainText('政府信息公开申请登记回执');
    await see(dialog.frameLocator('[data-testid=template-preview]').locator('body')).not.toContainText('浏览器测试修订');
    await accessible(page);
    await shot(page, '52-admin-template-version');
  });

  it('shows none of it to a clerk, and the address of a 管理 page says it is not theirs', async () => {
    const page = await login('clerk');
    for (const name of ['用户管理', '机关与部门', '工作日历', '文书模板']) await see(page.getByRole('link', { name })).toHaveCount(0);
    await page.goto(s.url + '/admin/users');
    await see(page.getByText('此页面仅供系统管理员使用。')).toBeVisible();
    await request(s.http).get('/api/admin/users').set(as('clerk')).expect(403);
  });
});
