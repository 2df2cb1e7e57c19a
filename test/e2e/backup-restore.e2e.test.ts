// `npm run backup` / `npm run restore`: a backup taken mid-case (a case with a
// running timer) and restored into a fresh data folder starts, still has the case
// with its number, its events and its pending timer (same id, same fire time), and
// the case can be finished. Both commands refuse while the system runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { DEFAULT_DEMO_PASSWORD } from '../../libs/config/config';
import { shanghaiDate } from '../../libs/time/shanghai';
import { inPersonSubmission } from '../support/http-session';
import { processesOf, start, startEnv, type Running } from '../support/npm-start';

jest.setTimeout(300_000);

const root = join(__dirname, '..', '..');

function runScript(script: string, args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, [join('scripts', script), ...args], { cwd: root, env, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Timers started and neither fired nor cancelled, with their due time (ms since epoch). */
async function pendingTimers(env: NodeJS.ProcessEnv, workflowId: string): Promise<{ id: string; dueAt: number }[]> {
  const connection = await Connection.connect({ address: `127.0.0.1:${env.TEMPORAL_PORT}` });
  try {
    const history = await new Client({ connection }).workflow.getHandle(workflowId).fetchHistory();
    const open = new Map<string, number>();
    for (const e of history.events ?? []) {
      const at = Number(e.eventTime?.seconds ?? 0) * 1000 + Math.floor((e.eventTime?.nanos ?? 0) / 1e6);
      if (e.timerStartedEventAttributes) {
        const t = e.timerStartedEventAttributes;
        const ms = Number(t.startToFireTimeout?.seconds ?? 0) * 1000 + Math.floor((t.startToFireTimeout?.nanos ?? 0) / 1e6);
        open.set(t.timerId!, at + ms);
      }
      if (e.timerFiredEventAttributes) open.delete(e.timerFiredEventAttributes.timerId!);
      if (e.timerCanceledEventAttributes) open.delete(e.timerCanceledEventAttributes.timerId!);
    }
    return [...open].map(([id, dueAt]) => ({ id, dueAt }));
  } finally {
    await connection.close();
  }
}

describe('npm run backup / npm run restore', () => {
  const source = mkdtempSync(join(tmpdir(), 'disclosure-backup-src-'));
  const target = mkdtempSync(join(tmpdir(), 'disclosure-backup-dst-'));
  const folder = join(mkdtempSync(join(tmpdir(), 'disclosure-backup-')), 'b1');
  let running: Running | undefined;

  afterAll(() => {
    for (const dir of [source, target]) for (const pid of processesOf(dir)) process.kill(pid, 'SIGKILL');
    for (const dir of [source, target, join(folder, '..')]) rmSync(dir, { recursive: true, force: true });
  });

  const stop = async () => {
    running!.child.kill('SIGTERM');
    expect(await running!.exited).toBe(0);
    running = undefined;
  };

  it('backs up mid-case, restores into a fresh folder, and finishes the case with its timer intact', async () => {
    const a = await startEnv(source);
    running = await start(a.env);
    const login = async (base: string, username: string) => {
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: DEFAULT_DEMO_PASSWORD }),
      });
      expect(res.status).toBe(200);
      return `Bearer ${((await res.json()) as { accessToken: string }).accessToken}`;
    };
    const call = async (base: string, username: string, method: string, path: string, body?: object) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: await login(base, username) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const act = (base: string, id: string, name: string, username: string, body: object) =>
      call(base, username, 'POST', `/api/applications/${id}/actions/${name}`, body);

    const created = await call(a.base, 'clerk', 'POST', '/api/applications', inPersonSubmission('赵六', '备份中途的申请'));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const number = created.body.registrationNumber as string;
    expect((await act(a.base, id, 'triage', 'clerk', { outcome: 'accept' })).status).toBe(200);
    expect((await act(a.base, id, 'assign', 'supervisor', { assignee: 'clerk', department: 'OGI' })).status).toBe(200);
    expect((await act(a.base, id, 'record-search', 'clerk', { summary: 'found in the archive' })).status).toBe(200);

    const pg = new PgClient({ connectionString: `postgres://postgres@127.0.0.1:${a.env.EMBEDDED_PG_PORT}/disclosure` });
    await pg.connect();
    const [{ workflow_id: workflowId }] = (await pg.query('SELECT workflow_id FROM applications WHERE id = $1', [id])).rows;
    await pg.end();
    const timersBefore = await pendingTimers(a.env, workflowId);
    expect(timersBefore.length).toBeGreaterThan(0);
    expect(Math.min(...timersBefore.map((t) => t.dueAt))).toBeGreaterThan(Date.now());

    // Refused while running: nothing written.
    const refused = runScript('backup.js', [folder], a.env);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/the system is running .* stop `npm start` \(Ctrl-C\) first/);
    expect(existsSync(folder)).toBe(false);

    await stop();
    const backup = runScript('backup.js', [folder], a.env);
    expect(backup.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    expect(manifest.files.map((f: { name: string }) => f.name)).toEqual(['jwt-secret', 'postgres.tar.gz', 'temporal.db']);
    expect(manifest.method.temporal).toMatch(/sqlite3 \.backup|file copy/);
    for (const f of manifest.files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.versions.postgres).toMatch(/^\d+$/);
    process.stdout.write(
      `backup: ${manifest.files.map((f: { name: string; size: number }) => `${f.name} ${f.size} B`).join(', ')}; temporal via ${manifest.method.temporal}\n`,
    );

    // Restore into a fresh folder; refused while that system runs.
    const b = await startEnv(target);
    const restored = runScript('restore.js', [folder], b.env);
    expect(restored.code).toBe(0);
    running = await start(b.env);
    expect(runScript('restore.js', [folder], b.env)).toMatchObject({ code: 1, out: expect.stringMatching(/the system is running/) });

    const read = await call(b.base, 'clerk', 'GET', `/api/applications/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.registrationNumber).toBe(number);
    expect(await pendingTimers(b.env, workflowId)).toEqual(timersBefore);

    // Finish the case on the restored system.
    expect(
      (
        await act(b.base, id, 'draft-decision', 'clerk', {
          replyKind: 'disclose',
          reasons: 'held by this office and not exempt',
          provision: { form: 'paper', method: 'post' },
        })
      ).status,
    ).toBe(200);
    expect((await act(b.base, id, 'approve-decision', 'reviewer', { approve: true })).status).toBe(200);
    expect((await act(b.base, id, 'review-confidentiality', 'reviewer', { approve: true, comment: 'ok' })).status).toBe(200);
    expect((await act(b.base, id, 'issue-notice', 'clerk', {})).status).toBe(200);
    const closed = await act(b.base, id, 'record-delivery', 'clerk', { method: 'post', on: shanghaiDate(Date.now()) });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'replied' });
    // Closed: the timer the backup carried is gone with the case.
    expect(await pendingTimers(b.env, workflowId)).toEqual([]);
    await stop();
  });
});
