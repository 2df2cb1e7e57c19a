'use strict';
// Start-up after a crash. When `npm start` and its servers were killed at once
// (power cut, OOM killer, kill -9), PostgreSQL's postmaster.pid may still name a
// process: one that is dead but not yet reaped (a zombie), or, after a reboot, an
// unrelated process that got the same PID. PostgreSQL then refuses to start. The
// Temporal dev server leaves no lock (SQLite recovers its own journal), but it
// happily runs twice on one database file, which corrupts both; so we look for a
// live one ourselves. Nothing here removes a lock that a live server of this data
// directory holds: then start-up stops and says another instance runs.
// Linux only (reads /proc); elsewhere PostgreSQL's own check is all there is.
const fs = require('node:fs');
const path = require('node:path');
const { sleep } = require('./proc');

const haveProc = () => fs.existsSync('/proc/self/stat');

/** What /proc says about a pid: undefined if there is no such process. */
function readProc(pid) {
  let stat;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // "pid (comm) S ppid …": comm may itself contain spaces and parentheses.
  const close = stat.lastIndexOf(')');
  const info = { pid, comm: stat.slice(stat.indexOf('(') + 1, close), state: stat.slice(close + 2, close + 3), cmdline: [] };
  try {
    info.cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    /* gone meanwhile */
  }
  try {
    info.cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    /* another user's process, or a zombie */
  }
  try {
    info.uid = Number(/^Uid:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
  } catch {
    /* gone meanwhile */
  }
  return info;
}

/** Alive = exists and has not exited; a zombie (Z) or dead (X) entry only waits to be reaped. */
const alive = (info) => Boolean(info) && info.state !== 'Z' && info.state !== 'X';

const realpathOr = (p) => {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
};

/**
 * The verdict on dataDir/postmaster.pid: {state: 'none'} when there is none,
 * {state: 'live', pid, why} when a live PostgreSQL of this data directory holds
 * it, {state: 'stale', pid, why} when it may be removed, {state: 'unknown'} without /proc.
 * PostgreSQL writes the pid it has in its own pid namespace; `unshare --user` makes
 * only a user namespace, so that is the host pid we see here.
 */
function postmasterLock(dataDir) {
  const file = path.join(dataDir, 'postmaster.pid');
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { state: 'none' };
  }
  if (!haveProc()) return { state: 'unknown' };
  const pid = Number(text.split('\n')[0]);
  const dir = realpathOr(dataDir);
  if (!Number.isInteger(pid) || pid <= 0) {
    // Torn write at power loss; stale unless some postgres runs in this directory.
    const holder = serversOf({ pgDataDir: dataDir }).postgres[0];
    return holder
      ? { state: 'live', pid: holder, why: `PostgreSQL (PID ${holder}) is running in ${dataDir}` }
      : { state: 'stale', pid: undefined, why: 'it is empty or unreadable (a start-up cut short)' };
  }
  const info = readProc(pid);
  if (!info) return { state: 'stale', pid, why: `PID ${pid} no longer exists` };
  if (!alive(info)) return { state: 'stale', pid, why: `PID ${pid} has exited (a zombie not yet reaped)` };
  // The postmaster changes into its data directory before it writes the lock file.
  if (info.cwd !== undefined) {
    if (info.cwd === dir) return { state: 'live', pid, why: `PostgreSQL (PID ${pid}) is running in ${dataDir}` };
    return { state: 'stale', pid, why: `PID ${pid} is now another program (${info.comm}), not a PostgreSQL of this data directory` };
  }
  // Its cwd is not ours to read: a process of another user cannot serve a data
  // directory it does not own (PostgreSQL insists on owning it).
  let owner;
  try {
    owner = fs.statSync(dataDir).uid;
  } catch {
    owner = undefined;
  }
  if (info.uid !== undefined && owner !== undefined && info.uid !== owner)
    return { state: 'stale', pid, why: `PID ${pid} is now a process of another user (${info.comm})` };
  return { state: 'live', pid, why: `PID ${pid} (${info.comm}) may be a PostgreSQL of ${dataDir}; it cannot be checked` };
}

/** Live processes serving this data: postgres (cwd in pgDataDir) and Temporal dev servers on dbFile. */
function serversOf({ pgDataDir, dbFile }) {
  const found = { postgres: [], temporal: [] };
  if (!haveProc()) return found;
  const dir = pgDataDir && realpathOr(pgDataDir);
  const db = dbFile && path.resolve(dbFile);
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    const info = readProc(Number(name));
    if (!alive(info)) continue;
    if (dir && info.cwd === dir && /postgres/.test(info.comm)) found.postgres.push(info.pid);
    if (db) {
      const a = info.cmdline;
      const i = a.indexOf('--db-filename');
      const named = i >= 0 ? a[i + 1] : (a.find((x) => x.startsWith('--db-filename=')) || '').slice('--db-filename='.length);
      if (named && a.includes('start-dev') && path.resolve(named) === db) found.temporal.push(info.pid);
    }
  }
  return found;
}

class AnotherInstance extends Error {}

/**
 * Run before starting anything on `data`: recognises the previous supervisor
 * (data/npm-start.pid), waits a few seconds for servers it left to exit (they
 * get a signal when it dies, see proc.withDeathSignal), refuses when another
 * instance runs, removes a stale postmaster.pid, and records our own pid.
 * Reports what it did through `step`. Throws AnotherInstance to refuse.
 * Returns {release} (removes our pid file) and {afterCrash}.
 */
async function recoverAfterCrash({ data, pgDataDir, dbFile, step, waitMs = 15_000 }) {
  const supervisorFile = path.join(data, 'npm-start.pid');
  let previous;
  try {
    previous = Number(fs.readFileSync(supervisorFile, 'utf8').trim());
  } catch {
    previous = undefined;
  }
  if (previous && previous !== process.pid && haveProc()) {
    const info = readProc(previous);
    if (alive(info) && info.cmdline.some((a) => a.endsWith('start.js')))
      throw new AnotherInstance(`another \`npm start\` (PID ${previous}) is running with the data in ${data}; stop it first`);
    step(`the previous \`npm start\` (PID ${previous}) ended without stopping its servers (killed or crashed); recovering`);
  }

  // Servers of this data still running: left by a supervisor that just died
  // (they are stopping), or another instance (they are not).
  let servers = serversOf({ pgDataDir, dbFile });
  if (previous && servers.postgres.length + servers.temporal.length > 0) {
    step(`waiting for the servers of the previous run to exit (${[...servers.postgres, ...servers.temporal].join(', ')})`);
    const until = Date.now() + waitMs;
    while (Date.now() < until && servers.postgres.length + servers.temporal.length > 0) {
      await sleep(250);
      servers = serversOf({ pgDataDir, dbFile });
    }
  }
  if (servers.temporal.length)
    throw new AnotherInstance(
      `a Temporal dev server (PID ${servers.temporal.join(', ')}) is running on ${dbFile}: another instance is running; stop it first`,
    );

  if (pgDataDir) {
    const lock = postmasterLock(pgDataDir);
    if (lock.state === 'live') throw new AnotherInstance(`${lock.why}: another instance is running; stop it first`);
    if (lock.state !== 'unknown' && servers.postgres.length)
      throw new AnotherInstance(
        `PostgreSQL (PID ${servers.postgres.join(', ')}) is running in ${pgDataDir}: another instance is running; stop it first`,
      );
    if (lock.state === 'stale') {
      fs.rmSync(path.join(pgDataDir, 'postmaster.pid'), { force: true });
      step(`removed the stale lock file ${path.join(pgDataDir, 'postmaster.pid')} left by a crash: ${lock.why}`);
    }
  }

  fs.writeFileSync(supervisorFile, `${process.pid}\n`);
  const release = () => {
    try {
      if (Number(fs.readFileSync(supervisorFile, 'utf8').trim()) === process.pid) fs.rmSync(supervisorFile);
    } catch {
      /* already gone */
    }
  };
  return { release, afterCrash: Boolean(previous && previous !== process.pid) };
}

module.exports = { readProc, postmasterLock, serversOf, recoverAfterCrash, AnotherInstance };
