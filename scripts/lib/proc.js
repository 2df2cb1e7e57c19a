'use strict';
// Child-process helpers shared by `npm start` and the test global set-up.
const net = require('node:net');
const fs = require('node:fs');
const { spawn, spawnSync } = require('node:child_process');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resolves when a TCP port accepts connections, rejects after timeoutMs. */
async function waitForPort(port, host = '127.0.0.1', timeoutMs = 60_000, child) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`process exited with code ${child.exitCode} before port ${port} opened`);
    const ok = await new Promise((resolve) => {
      const s = net.connect({ port, host }, () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`port ${host}:${port} did not open within ${timeoutMs} ms`);
    await sleep(150);
  }
}

async function portInUse(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const s = net.connect({ port, host }, () => {
      s.end();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

/** A free TCP port on loopback, chosen by the kernel. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

let setprivWorks;
/**
 * [cmd, args] wrapped so the child gets `signal` when the process that spawned it
 * dies, even by SIGKILL (no orphaned servers holding ports and data). Linux:
 * util-linux's `setpriv --pdeathsig` sets PR_SET_PDEATHSIG, which survives the
 * exec of the real program (and of `unshare --user`, see postgres.js). The signal
 * fires when the spawning *thread* exits: Node spawns from its main thread, so
 * that is when the supervisor dies. Without setpriv the command runs unwrapped.
 */
function withDeathSignal(cmd, args, signal = 'SIGTERM') {
  if (!signal || process.platform !== 'linux') return [cmd, args];
  if (setprivWorks === undefined) setprivWorks = spawnSync('setpriv', ['--pdeathsig', 'SIGTERM', 'true']).status === 0;
  return setprivWorks ? ['setpriv', ['--pdeathsig', signal, cmd, ...args]] : [cmd, args];
}

/**
 * Spawns a long-running child in its own process group (so a terminal Ctrl-C
 * reaches only the supervisor, which then stops children in order), with its
 * output appended to a log file or passed through with a prefix. It gets
 * `deathSignal` if the supervisor dies without stopping it (see withDeathSignal).
 */
function startChild(name, cmd, args, { env, cwd, logFile, passthrough = false, deathSignal = 'SIGTERM' } = {}) {
  [cmd, args] = withDeathSignal(cmd, args, deathSignal);
  const child = spawn(cmd, args, {
    cwd,
    env: env || process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sink = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : undefined;
  const forward = (stream, out) => {
    let buf = '';
    stream.on('data', (chunk) => {
      // Output may still arrive after 'exit' (a pipe drained late, or a grandchild holding it).
      if (sink && !sink.writableEnded) sink.write(chunk);
      if (!passthrough) return;
      buf += chunk.toString();
      const lines = buf.split('\n');
      buf = lines.pop();
      for (const line of lines) out.write(`${name.padEnd(8)}| ${line}\n`);
    });
  };
  forward(child.stdout, process.stdout);
  forward(child.stderr, process.stderr);
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  child.on('exit', () => sink && sink.end());
  child.label = name;
  return child;
}

/** Sends `signal` to the child's process group, escalates to SIGKILL after graceMs. */
async function stopChild(child, signal = 'SIGTERM', graceMs = 8_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const kill = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      try {
        child.kill(sig);
      } catch {
        /* already gone */
      }
    }
  };
  kill(signal);
  const timer = setTimeout(() => kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}

module.exports = { sleep, waitForPort, portInUse, freePort, startChild, stopChild, withDeathSignal };
