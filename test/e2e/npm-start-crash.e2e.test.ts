// `npm start` after a crash: when the supervisor is killed (even SIGKILL) every
// process it started stops within seconds; when everything is killed at once (a
// power cut) the next start clears the stale postmaster.pid and comes up with the
// data; a lock held by a live server of the data directory is never removed.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DEMO_PASSWORD } from '../../libs/config/config';
import { processesOf, start, startEnv, type Running } from '../support/npm-start';

/* eslint-disable @typescript-eslint/no-require-imports */
const { freePort, sleep } = require('../../scripts/lib/proc');
const { postmasterLock, recoverAfterCrash, AnotherInstance } = require('../../scripts/lib/recover');
/* eslint-enable @typescript-eslint/no-require-imports */

jest.setTimeout(180_000);

const root = join(__dirname, '..', '..');

async function until<T>(what: string, probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(100);
  }
}

const spawned: ChildProcess[] = [];
/** A process that is alive but no PostgreSQL: a recycled pid after a reboot. */
function unrelatedLiveProcess(): number {
  const c = spawn('sleep', ['120'], { stdio: 'ignore' });
  spawned.push(c);
  return c.pid!;
}

describe('npm start after a crash', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'disclosure-crash-'));
  let env: NodeJS.ProcessEnv;
  let base: string;
  let app: { id: string; registrationNumber: string };
  let running: Running | undefined;

  beforeAll(async () => {
    ({ env, base } = await startEnv(dataDir));
  });
  afterAll(() => {
    for (const pid of processesOf(dataDir)) process.kill(pid, 'SIGKILL');
    for (const c of spawned) c.kill('SIGKILL');
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
  const readBack = async () => {
    const res = await fetch(`${base}/api/applications/${app.id}`, { headers: { authorization: await login() } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { registrationNumber: string }).registrationNumber).toBe(app.registrationNumber);
  };

  it('decides which postmaster.pid is stale: a dead pid, a zombie, an unrelated live process', async () => {
    const fake = mkdtempSync(join(tmpdir(), 'disclosure-lock-'));
    try {
      const pgDir = join(fake, 'postgres');
      mkdirSync(pgDir);
      const lockFile = (pid: number | string) => writeFileSync(join(pgDir, 'postmaster.pid'), `${pid}\n${pgDir}\n1700000000\n5432\n`);

      expect(postmasterLock(pgDir)).toEqual({ state: 'none' });

      const dead = spawn('true');
      await new Promise((r) => dead.on('exit', r));
      lockFile(dead.pid!);
      expect(postmasterLock(pgDir)).toMatchObject({ state: 'stale', pid: dead.pid, why: expect.stringContaining('no longer exists') });

      // A zombie: the background `sleep 0.1` exits, its parent (`exec sleep 30`) never reaps it.
      const parent = spawn('sh', ['-c', 'sleep 0.1 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
      spawned.push(parent);
      const zombie = Number(await new Promise<string>((r) => parent.stdout!.once('data', (d) => r(String(d)))));
      await until('zombie', () => (/\) Z /.test(readFileSync(`/proc/${zombie}/stat`, 'utf8')) ? true : undefined), 5_000);
      lockFile(zombie);
      expect(postmasterLock(pgDir)).toMatchObject({ state: 'stale', pid: zombie, why: expect.stringContaining('zombie') });

      const other = unrelatedLiveProcess();
      lockFile(other);
      expect(postmasterLock(pgDir)).toMatchObject({ state: 'stale', pid: other, why: expect.stringContaining('another program (sleep)') });

      lockFile('');
      expect(postmasterLock(pgDir)).toMatchObject({ state: 'stale' });

      // The recovery removes it and says so.
      lockFile(other);
      const said: string[] = [];
      const r = await recoverAfterCrash({
        data: fake,
        pgDataDir: pgDir,
        dbFile: join(fake, 'temporal.db'),
        step: (m: string) => said.push(m),
      });
      r.release();
      expect(said.join('\n')).toContain(`removed the stale lock file ${join(pgDir, 'postmaster.pid')}`);
      expect(readdirSync(pgDir)).toEqual([]);
    } finally {
      rmSync(fake, { recursive: true, force: true });
    }
  });

  it('SIGKILL of the supervisor stops every process it started within seconds; the next start has the data', async () => {
    const first = await start(env);
    const token = await login();
    const created = await fetch(`${base}/api/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: token },
      body: JSON.stringify({
        channel: 'in_person',
        applicant: { type: 'natural_person', name: '钱七', contact: {} },
        request: { description: '断电后仍在' },
      }),
    });
    expect(created.status).toBe(201);
    app = (await created.json()) as { id: string; registrationNumber: string };

    // A live server's lock is never touched: the verdict is "live" and a second start refuses.
    const pgDir = join(dataDir, 'postgres');
    expect(postmasterLock(pgDir)).toMatchObject({ state: 'live' });
    const refusing = spawn(process.execPath, ['scripts/start.js'], {
      cwd: root,
      env: { ...env, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()) },
    });
    let refusal = '';
    refusing.stderr.on('data', (c) => (refusal += c));
    expect(await new Promise((r) => refusing.on('exit', r))).toBe(1);
    expect(refusal).toMatch(/another `npm start` \(PID \d+\) is running/);
    await expect(recoverAfterCrash({ data: dataDir, pgDataDir: pgDir, step: () => undefined })).rejects.toBeInstanceOf(AnotherInstance);
    expect(postmasterLock(pgDir)).toMatchObject({ state: 'live' });

    const killed = Date.now();
    first.child.kill('SIGKILL');
    await until('no process of the data folder left', () => (processesOf(dataDir).length === 0 ? true : undefined), 10_000);
    const stoppedIn = Date.now() - killed;
    expect(stoppedIn).toBeLessThan(10_000);

    running = await start(env);
    expect(running.output()).toContain('ended without stopping its servers');
    await readBack();
  });

  it('after everything is killed at once, an immediate restart clears the stale postmaster.pid and has the data', async () => {
    expect(running).toBeDefined();
    const all = [running!.child.pid!, ...processesOf(dataDir)];
    for (const pid of all) process.kill(pid, 'SIGKILL');
    await running!.exited;
    // As after a reboot: the pid in the lock file now belongs to an unrelated live process.
    const lock = join(dataDir, 'postgres', 'postmaster.pid');
    const lines = readFileSync(lock, 'utf8').split('\n');
    writeFileSync(lock, [String(unrelatedLiveProcess()), ...lines.slice(1)].join('\n'));

    const again = await start(env);
    try {
      expect(again.output()).toMatch(/removed the stale lock file .*postmaster\.pid left by a crash/);
      await readBack();
    } finally {
      again.child.kill('SIGTERM');
      expect(await again.exited).toBe(0);
    }
    expect(processesOf(dataDir)).toEqual([]);
  });
});
