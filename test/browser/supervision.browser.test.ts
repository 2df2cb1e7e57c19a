// The supervisors' and auditors' screens against the whole stack: the 督办 board (two overdue
// cases reassigned in one action, an extension approved from its queue), 统计 (each chart's table
// is the API's figures, CSV export), 年度报告 (the page shows GET /api/reports/annual's numbers)
// and 救济 (a reconsideration recorded and decided through the form, counted in section 四).
// A clerk has none of these in the menu and the server refuses the board to them. axe on every
// page; screenshots saved.
import { expect as see, type Page } from '@playwright/test';
import request from 'supertest';
import { shanghaiDate } from '../../libs/time/shanghai';
import { addOtherPlaces, inPersonSubmission, loginAll, type AuthHeaders } from '../support/http-session';
import { expectAccessible, loginAs, newPage, shot, startBrowserStack, type BrowserStack } from '../support/browser';

jest.setTimeout(240_000);

/** A weekday about `days` calendar days before today (YYYY-MM-DD). */
const daysAgo = (days: number) => {
  const d = new Date(Date.parse(`${shanghaiDate(Date.now())}T00:00:00Z`) - days * 86_400_000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

describe('supervision, statistics, annual report and remedies in the browser', () => {
  let s: BrowserStack;
  let as: AuthHeaders;
  const overdue: { id: string; number: string }[] = [];
  let extensionCase = { id: '', number: '' };
  let answeredCase = { id: '', number: '' };

  const act = (id: string, name: string, who: string, body: object) =>
    request(s.http).post(`/api/applications/${id}/actions/${name}`).set(as(who)).send(body).expect(200);
  const register = async (name: string, receivedOn = shanghaiDate(Date.now())) => {
    const res = await request(s.http)
      .post('/api/applications')
      .set(as('clerk'))
      .send({ ...inPersonSubmission(name), receivedOn })
      .expect(201);
    return { id: res.body.id as string, number: res.body.registrationNumber as string };
  };
  const assigned = async (name: string, receivedOn?: string) => {
    const c = await register(name, receivedOn);
    await act(c.id, 'triage', 'clerk', { outcome: 'accept' });
    await act(c.id, 'assign', 'supervisor', { assignee: 'clerk' });
    return c;
  };

  beforeAll(async () => {
    s = await startBrowserStack();
    await addOtherPlaces(s, [['ogi.clerk2', 'LINYI', 'OGI']]);
    as = await loginAll(s, ['clerk', 'supervisor', 'reviewer']);
    // Received about two months ago and never answered: overdue by the engine's own count.
    for (const name of ['逾期甲', '逾期乙']) overdue.push(await assigned(name, daysAgo(60)));
    extensionCase = await assigned('延期丙');
    await act(extensionCase.id, 'request-extension', 'clerk', { reason: '需向多个部门调取档案，正在汇总' });
    answeredCase = await assigned('复议丁');
    await act(answeredCase.id, 'draft-decision', 'clerk', {
      replyKind: 'disclose',
      reasons: 'held by this office and not exempt',
      provision: { form: 'paper', method: 'post' },
    });
    await act(answeredCase.id, 'approve-decision', 'reviewer', { approve: true });
    await act(answeredCase.id, 'review-confidentiality', 'reviewer', { approve: true });
    await act(answeredCase.id, 'issue-notice', 'clerk', {});
  });
  afterAll(async () => {
    await s?.stop();
  });

  const boardRow = (page: Page, number: string) => page.getByRole('row').filter({ hasText: number });

  it('a supervisor reassigns two overdue cases in one action', async () => {
    const page = await newPage(s);
    await loginAs(page, s, 'supervisor');
    await page.getByRole('link', { name: /督办/ }).click();
    await page.getByRole('heading', { name: '督办' }).waitFor();
    await see(page.getByRole('tab', { name: /已超期（\d+）/ })).toBeVisible();
    for (const c of overdue) await see(boardRow(page, c.number)).toContainText('逾期');
    await expectAccessible(page);
    await shot(page, '20-board-overdue');
    for (const c of overdue) await boardRow(page, c.number).getByRole('checkbox').check();
    await see(page.getByText('已选 2 件')).toBeVisible();
    await page.getByRole('combobox', { name: '改派给' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'ogi.clerk2' }).click();
    await page.getByRole('button', { name: /^改\s*派$/ }).click();
    await see(page.getByText('已改派 2 件')).toBeVisible();
    await shot(page, '21-board-reassigned');
    for (const c of overdue) {
      const [row] = await s.dataSource.query('SELECT assignee FROM applications WHERE id = $1', [c.id]);
      expect(row.assignee).toBe('ogi.clerk2');
      const steps = await s.dataSource.query(`SELECT actor FROM case_events WHERE application_id = $1 AND type = 'assign' ORDER BY seq`, [
        c.id,
      ]);
      expect(steps.map((e: { actor: string }) => e.actor)).toEqual(['supervisor', 'supervisor']);
    }
    // The board now shows the new assignee for them.
    await see(boardRow(page, overdue[0].number)).toContainText('ogi.clerk2');
  });

  it('a supervisor approves an extension from its queue, with the reason beside the case', async () => {
    const page = await newPage(s);
    await loginAs(page, s, 'supervisor');
    await page.goto(s.url + '/board');
    await page.getByRole('tab', { name: /延期申请待批（1）/ }).click();
    await see(page.getByText('需向多个部门调取档案，正在汇总')).toBeVisible();
    await see(page.getByRole('tabpanel')).toContainText(extensionCase.number);
    await expectAccessible(page);
    await shot(page, '22-board-extension-queue');
    await page.getByRole('button', { name: /批准延期/ }).click();
    await see(page.getByText('已批准延期')).toBeVisible();
    await see(page.getByRole('tab', { name: /延期申请待批（0）/ })).toBeVisible();
    const [step] = await s.dataSource.query(
      `SELECT actor, payload FROM case_events WHERE application_id = $1 AND type = 'decide-extension'`,
      [extensionCase.id],
    );
    expect(step).toMatchObject({ actor: 'supervisor', payload: expect.objectContaining({ approve: true }) });
  });

  it('the statistics page shows the API figures beside each chart, and exports CSV', async () => {
    const page = await newPage(s);
    await loginAs(page, s, 'supervisor');
    await page.getByRole('link', { name: /统计/ }).click();
    const received = page.locator('[data-chart="每月收到申请"]');
    await received.locator('canvas').waitFor();
    const year = shanghaiDate(Date.now()).slice(0, 4);
    const api = await page.request.get(`${s.url}/api/supervision/stats?from=${year}-01-01&to=${shanghaiDate(Date.now())}`);
    const stats = await api.json();
    const rows = await received.locator('tbody tr.ant-table-row').allTextContents();
    expect(rows).toEqual(stats.receivedByMonth.map((m: { month: string; received: number }) => `${m.month}${m.received}`));
    expect(stats.receivedByMonth.reduce((n: number, m: { received: number }) => n + m.received, 0)).toBeGreaterThanOrEqual(4);
    const age = await page.locator('[data-chart="在办案件已用时长（今日）"] tbody tr.ant-table-row').allTextContents();
    expect(age).toEqual(stats.openByAge.map((a: { label: string; count: number }) => `${a.label}${a.count}`));
    expect(await page.locator('[data-chart] canvas').count()).toBe(5);
    await expectAccessible(page);
    await shot(page, '23-statistics');
    const href = await received.getByRole('link', { name: /导出“每月收到申请”CSV/ }).getAttribute('href');
    const csv = await page.request.get(s.url + href);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    expect((await csv.text()).split('\r\n')[0]).toBe('\uFEFF月份,收到申请数');
  });

  it('the annual report page shows the numbers of GET /api/reports/annual, balanced', async () => {
    const page = await newPage(s);
    await loginAs(page, s, 'supervisor');
    await page.getByRole('link', { name: /年度报告/ }).click();
    const table = page.getByRole('table', { name: '三、收到和处理政府信息公开申请情况' });
    await table.waitFor();
    const year = await page.getByLabel('年度').locator('..').locator('.ant-select-selection-item').textContent();
    const report = await (await page.request.get(`${s.url}/api/reports/annual?year=${year!.replace('年度', '')}`)).json();
    for (const row of report.rows as { key: string; values: number[] }[]) {
      const shown = await table.locator(`td[data-row="${row.key}"]`).allTextContents();
      expect({ row: row.key, shown }).toEqual({ row: row.key, shown: row.values.map(String) });
    }
    expect(report.rows.find((r: { key: string }) => r.key === '一').values[6]).toBeGreaterThanOrEqual(4);
    await see(page.getByTestId('balance')).toContainText(report.balanced ? '校验通过' : '校验未通过');
    const line = await page.locator('td[data-remedy]').allTextContents();
    expect(line).toEqual(report.remedies.line.map(String));
    const xlsx = await page.request.get(`${s.url}${await page.getByRole('link', { name: /导出 Excel/ }).getAttribute('href')}`);
    expect(xlsx.headers()['content-type']).toMatch(/spreadsheetml/);
    await expectAccessible(page);
    await shot(page, '24-annual-report');
    await page.emulateMedia({ media: 'print' });
    await see(page.getByRole('navigation', { name: '主菜单' })).toBeHidden();
    await shot(page, '25-annual-report-print');
  });

  it('a supervisor records a reconsideration and its outcome; section 四 counts it', async () => {
    const page = await newPage(s);
    await loginAs(page, s, 'supervisor');
    await page.getByRole('link', { name: /救济/ }).click();
    await page.getByRole('heading', { name: '行政复议与行政诉讼' }).waitFor();
    await page.getByRole('button', { name: /登记复议或诉讼/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#caseId').fill(answeredCase.number);
    await page.locator('.ant-select-item-option').filter({ hasText: answeredCase.number }).click();
    await dialog.getByLabel('复议机关').fill('临沂市人民政府');
    await dialog.getByLabel('案号').fill('临政复〔2026〕88号');
    await expectAccessible(page);
    await shot(page, '26-remedy-form');
    await dialog.getByRole('button', { name: /登\s*记/ }).click();
    const row = page.getByRole('row').filter({ hasText: answeredCase.number });
    await see(row).toContainText('尚未审结');
    await row.getByRole('button', { name: /记录结果/ }).click();
    await page.getByRole('dialog').getByLabel('结果维持').check();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await see(row).toContainText('结果维持');
    const [r] = await s.dataSource.query('SELECT kind, outcome, case_number FROM remedies WHERE application_id = $1', [answeredCase.id]);
    expect(r).toEqual({ kind: 'reconsideration', outcome: 'upheld', case_number: '临政复〔2026〕88号' });
    // Section 四 on the same page: one reconsideration upheld.
    const four = page.getByRole('row').filter({ hasText: /^行政复议/ });
    await see(four.first()).toContainText('1');
    await shot(page, '27-remedies');
  });

  it('a clerk has none of the supervisors’ screens, and the server refuses them the board', async () => {
    const page = await newPage(s);
    await loginAs(page, s, 'clerk');
    const menu = page.getByRole('navigation', { name: '主菜单' });
    await see(menu.getByRole('link', { name: /救济/ })).toBeVisible();
    for (const name of ['督办', '统计', '年度报告']) await see(menu.getByRole('link', { name })).toHaveCount(0);
    await page.goto(s.url + '/board');
    await see(page.getByText('您的角色无权进行此操作。')).toBeVisible();
    expect((await page.request.get(`${s.url}/api/supervision/board`)).status()).toBe(403);
  });

  it('an auditor sees the board without the bulk actions', async () => {
    const page = await newPage(s);
    await loginAs(page, s, 'auditor');
    await page.goto(s.url + '/board');
    await see(page.getByRole('tab', { name: /已超期/ })).toBeVisible();
    await see(page.getByRole('button', { name: /^改\s*派$/ })).toHaveCount(0);
    await see(page.getByRole('tab', { name: /延期申请待批/ })).toHaveCount(0);
  });
});
