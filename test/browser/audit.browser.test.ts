// The auditor's screen against the whole stack: the audit-chain check, a closed case's steps with
// the Temporal events folded beneath each, the case as it stood at an earlier moment (the time
// slider), its replay, the replay of a period as a background job with its progress bar reaching
// the end, and the case file downloaded from the page with every SHA-256 of its manifest matching.
import { expect as see } from '@playwright/test';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { workflowIdFor } from '../../libs/contracts/application';
import { shanghaiDate } from '../../libs/time/shanghai';
import { type AuthHeaders, inPersonSubmission, loginAll } from '../support/http-session';
import { expectAccessible, loginAs, newPage, shot, startBrowserStack, type BrowserStack } from '../support/browser';

jest.setTimeout(240_000);

describe('the audit page in the browser', () => {
  let s: BrowserStack;
  let as: AuthHeaders;
  const closed: { id: string; number: string }[] = [];

  beforeAll(async () => {
    s = await startBrowserStack();
    as = await loginAll(s, ['clerk', 'supervisor', 'reviewer']);
    const act = (id: string, name: string, who: string, body: object) =>
      request(s.http).post(`/api/applications/${id}/actions/${name}`).set(as(who)).send(body).expect(200);
    const today = shanghaiDate(Date.now());
    // One case through to delivery, two withdrawn: three cases closed today.
    const full = (await request(s.http).post('/api/applications').set(as('clerk')).send(inPersonSubmission('审计甲')).expect(201)).body;
    await act(full.id, 'triage', 'clerk', { outcome: 'accept' });
    await act(full.id, 'assign', 'supervisor', { assignee: 'clerk' });
    await act(full.id, 'draft-decision', 'clerk', {
      replyKind: 'disclose',
      reasons: 'held and not exempt',
      provision: { form: 'paper', method: 'post' },
    });
    await act(full.id, 'approve-decision', 'reviewer', { approve: true });
    await act(full.id, 'review-confidentiality', 'reviewer', { approve: true });
    await act(full.id, 'issue-notice', 'clerk', {});
    await act(full.id, 'record-delivery', 'clerk', { method: 'post', on: today });
    closed.push({ id: full.id, number: full.registrationNumber });
    for (const name of ['审计乙', '审计丙']) {
      const c = (await request(s.http).post('/api/applications').set(as('clerk')).send(inPersonSubmission(name)).expect(201)).body;
      await act(c.id, 'withdraw', 'clerk', { on: today });
      closed.push({ id: c.id, number: c.registrationNumber });
    }
    for (const c of closed) await s.temporal.workflow.getHandle(workflowIdFor(c.id)).result();
  });
  afterAll(async () => {
    await s?.stop();
  });

  it("an auditor checks the chain, reads a case's history at an earlier moment, and replays it", async () => {
    const page = await newPage(s);
    await loginAs(page, s, 'auditor');
    await page.getByRole('link', { name: /审计/ }).click();
    await page.getByRole('heading', { name: '审计', exact: true }).waitFor();
    await page.getByRole('button', { name: /校验审计链/ }).click();
    await see(page.getByTestId('chain-result')).toContainText(/审计链完整：共 \d+ 条记录/);

    const [c] = closed;
    await page.getByRole('combobox', { name: '查找案件' }).fill(c.number);
    await page.locator('.ant-select-item-option').filter({ hasText: c.number }).click();
    await page.waitForURL(new RegExp(`/audit\\?case=${c.id}$`));
    const steps = page.getByTestId('timeline-step');
    await see(steps.first()).toContainText('第 1 步 登记');
    await see(page.getByTestId('case-at')).toContainText('已办结');
    // The Temporal events are folded beneath the step they followed: the registration's hold the workflow's start and its Update.
    const first = steps.first();
    await first.getByText(/流程事件（\d+）/).click();
    await see(first).toContainText('WORKFLOW_EXECUTION_STARTED');
    await see(first).toContainText('请求：登记（registration）');
    await see(steps.nth(1)).toContainText('第 2 步 审查');
    await expectAccessible(page);
    await shot(page, '30-audit-case');

    // The slider to its first mark: the case as it stood after registration.
    const handle = page.getByRole('slider', { name: '选择时刻' });
    await handle.focus();
    await page.keyboard.press('Home');
    await see(page.getByTestId('case-at')).toContainText('第 1 步：登记');
    await see(page.getByTestId('case-at')).toContainText('已登记');
    await shot(page, '31-audit-case-at-registration');

    await page.getByRole('button', { name: /重放校验本案/ }).click();
    await see(page.getByTestId('case-replay')).toContainText('重放校验通过');
  });

  it('an auditor replays a period as a background job and watches it reach its end', async () => {
    const page = await newPage(s);
    await loginAs(page, s, 'auditor');
    await page.goto(s.url + '/audit');
    await page.getByRole('button', { name: /开始重放校验/ }).click();
    const counts = page.getByTestId('replay-counts');
    await see(counts).toContainText(/^已完成：3 \/ 3 件，一致 3 件，不一致 0 件$/, { timeout: 60_000 });
    await see(page.getByTestId('replay-job').getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    const [job] = await s.dataSource.query(`SELECT id, finished_at FROM replay_jobs ORDER BY started_at DESC LIMIT 1`);
    expect(job.finished_at).not.toBeNull();
    expect((await s.temporal.workflow.getHandle(job.id).describe()).type).toBe('replayVerifyWorkflow');
    await see(page.getByRole('row').filter({ hasText: '3 / 3 一致' })).toBeVisible();
    await expectAccessible(page);
    await shot(page, '32-audit-period-replay');
  });

  it('an auditor downloads the case file from the page; every hash of its manifest matches', async () => {
    const page = await newPage(s);
    await loginAs(page, s, 'auditor');
    const [c] = closed;
    await page.goto(`${s.url}/audit?case=${c.id}`);
    const link = page.getByRole('link', { name: /下载案卷/ });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const zip = await JSZip.loadAsync(readFileSync(await download.path()));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest).toMatchObject({ case: { id: c.id, registrationNumber: c.number }, generatedBy: 'auditor' });
    const letters = manifest.files.filter((f: { path: string }) => f.path.startsWith('letters/'));
    expect(letters.length).toBeGreaterThanOrEqual(2); // the receipt and the reply
    for (const f of manifest.files as { path: string; sha256: string }[]) {
      const bytes = await zip.file(f.path)!.async('nodebuffer');
      expect({ path: f.path, sha256: createHash('sha256').update(bytes).digest('hex') }).toEqual({ path: f.path, sha256: f.sha256 });
    }
  });

  it('a clerk has no 审计 and the server refuses them the timeline', async () => {
    const page = await newPage(s);
    await loginAs(page, s, 'clerk');
    await see(page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '审计' })).toHaveCount(0);
    expect((await page.request.get(`${s.url}/api/applications/${closed[0].id}/timeline`)).status()).toBe(403);
    expect((await page.request.get(`${s.url}/api/audit/replay-jobs`)).status()).toBe(403);
  });
});
