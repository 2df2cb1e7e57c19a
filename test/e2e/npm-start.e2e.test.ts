// `npm start` as a user runs it: the whole system comes up on embedded defaults,
// answers on the printed URLs, stops cleanly on Ctrl-C leaving no process behind,
// and keeps its data for the next start.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DEMO_PASSWORD } from '../../libs/config/config';
import { processesOf, start, startEnv } from '../support/npm-start';

jest.setTimeout(420_000);

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'disclosure-start-'));
  let env: NodeJS.ProcessEnv;
  let base: string;

  beforeAll(async () => {
    ({ env, base } = await startEnv(dataDir));
  });
  afterAll(() => {
    for (const pid of processesOf(dataDir)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const login = async () => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'clerk', password: DEFAULT_DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    return `Bearer ${((await res.json()) as { accessToken: string }).accessToken}`;
  };

  it('brings the system up, stops on SIGINT with no process left, and keeps the data for the next start', async () => {
    const first = await start(env);
    expect(first.output()).toContain(`${base}/api/docs`);
    expect(first.output()).toMatch(/Temporal UI\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(first.output()).toContain('clerk, reviewer, supervisor, auditor, admin');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/api/docs`)).status).toBe(200);
    const uiPort = env.TEMPORAL_UI_PORT;
    expect((await fetch(`http://127.0.0.1:${uiPort}/`)).status).toBe(200);

    const token = await login();
    const created = await fetch(`${base}/api/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: token },
      body: JSON.stringify({
        channel: 'in_person',
        applicant: { type: 'natural_person', name: '赵六', contact: {} },
        request: { description: '重启后仍在' },
      }),
    });
    expect(created.status).toBe(201);
    const app = (await created.json()) as { id: string; registrationNumber: string };

    const stopping = Date.now();
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(30_000);
    expect(processesOf(dataDir)).toEqual([]);

    const second = await start(env);
    try {
      const res = await fetch(`${base}/api/applications/${app.id}`, { headers: { authorization: await login() } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { registrationNumber: string }).registrationNumber).toBe(app.registrationNumber);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
    expect(processesOf(dataDir)).toEqual([]);
  });
});
