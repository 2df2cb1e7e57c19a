// Running the real `node scripts/start.js` from a test, as a user runs `npm start`.
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

export interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `npm start` with `env` (`args`: ['--cluster'] for `npm run start:cluster`); resolves once it says it is running, rejects if it exits first. */
export function start(env: NodeJS.ProcessEnv, args: string[] = []): Promise<Running> {
  const child = spawn(process.execPath, ['scripts/start.js', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = () => {
      if (out.includes('disclosure-engine is running')) {
        child.stdout!.off('data', onData);
        resolve({ child, output: () => out, exited });
      }
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => reject(new Error(`npm start exited with ${code} before it was ready:\n${out}`)));
  });
}

/** Live processes whose environment names the data folder: everything a start spawned. */
export function processesOf(dataDir: string): number[] {
  const pids: number[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'utf8').includes(`DISCLOSURE_DATA_DIR=${dataDir}`)) pids.push(Number(pid));
    } catch {
      // gone, or not ours to read (a zombie has no environment left)
    }
  }
  return pids.filter((p) => p !== process.pid);
}

/** The environment of an `npm start` on free ports with its own data folder and embedded servers; `base` is the API's URL. */
export async function startEnv(dataDir: string): Promise<{ env: NodeJS.ProcessEnv; base: string }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { freePort } = require('../../scripts/lib/proc');
  const [api, pg, temporal, ui] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DISCLOSURE_DATA_DIR: dataDir,
    PORT: String(api),
    EMBEDDED_PG_PORT: String(pg),
    TEMPORAL_PORT: String(temporal),
    TEMPORAL_UI_PORT: String(ui),
  };
  // Embedded defaults: nothing of the developer's own servers.
  delete env.DATABASE_URL;
  delete env.TEMPORAL_ADDRESS;
  delete env.JWT_SECRET;
  return { env, base: `http://127.0.0.1:${api}` };
}
