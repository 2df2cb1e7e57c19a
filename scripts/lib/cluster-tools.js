'use strict';
// Temporal Server itself (not the CLI's dev server) for `npm run start:cluster` and
// the `cluster` test tier: built from the Go module go.temporal.io/server at a pinned
// version into .tools/temporal-server/ (git-ignored), once; the version file makes
// every later call a no-op. GOPATH, the module cache and the build cache live under
// .tools/go so nothing lands in the user's home or in git.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { tools } = require('./paths');
const { step } = require('./log');

const SERVER_VERSION = 'v1.32.2';
const serverDir = path.join(tools, 'temporal-server');
const binDir = path.join(serverDir, 'bin');
const stamp = path.join(tools, 'temporal-server.version');
const goPath = path.join(tools, 'go');
const moduleDir = path.join(goPath, 'pkg', 'mod', 'go.temporal.io', `server@${SERVER_VERSION}`);

const isExec = (p) => {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
};

function paths() {
  return {
    server: path.join(binDir, 'server'),
    sqlTool: path.join(binDir, 'sql'),
    schemaDir: path.join(moduleDir, 'schema', 'postgresql', 'v12'),
    version: SERVER_VERSION,
  };
}

/** The build is present and of the pinned version (what `npm test` checks to include the cluster tier). */
function clusterBuildPresent() {
  const p = paths();
  return (
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, 'utf8').trim() === SERVER_VERSION &&
    isExec(p.server) &&
    isExec(p.sqlTool) &&
    fs.existsSync(path.join(p.schemaDir, 'temporal', 'versioned')) &&
    fs.existsSync(path.join(p.schemaDir, 'visibility', 'versioned'))
  );
}

function goEnv() {
  return {
    ...process.env,
    GOPATH: goPath,
    GOMODCACHE: path.join(goPath, 'pkg', 'mod'),
    GOCACHE: path.join(goPath, 'cache'),
    GOBIN: binDir,
    // v1.32.2 asks for a newer Go than Debian's; the go command fetches it (same proxy).
    GOTOOLCHAIN: 'auto',
    // The module cache is read-only by default; this keeps `rm -rf .tools` working.
    GOFLAGS: '-modcacherw',
  };
}

/** Builds Temporal Server and temporal-sql-tool unless present; returns their paths. */
function ensureTemporalServer() {
  if (clusterBuildPresent()) return paths();
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.status !== 0)
    throw new Error(
      'building Temporal Server needs Go (https://go.dev/dl/, any 1.2x: GOTOOLCHAIN=auto fetches the one the module asks for)',
    );
  fs.mkdirSync(binDir, { recursive: true });
  for (const [label, pkg] of [
    ['Temporal Server', 'go.temporal.io/server/cmd/server'],
    ['temporal-sql-tool', 'go.temporal.io/server/cmd/tools/sql'],
  ]) {
    step(
      `building ${label} ${SERVER_VERSION} from source into .tools/temporal-server (first run only; ` +
        `${label === 'Temporal Server' ? 'about 5 min on 2 cores' : 'seconds'}, ${go.stdout.trim()})`,
    );
    const started = Date.now();
    // Run outside the repo: `go install pkg@version` must not see a go.mod of ours.
    const r = spawnSync('go', ['install', `${pkg}@${SERVER_VERSION}`], {
      cwd: tools,
      env: goEnv(),
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (r.status !== 0) throw new Error(`go install ${pkg}@${SERVER_VERSION} failed (see above)`);
    step(`built ${label} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  fs.writeFileSync(stamp, `${SERVER_VERSION}\n`);
  if (!clusterBuildPresent()) throw new Error(`the build finished but ${serverDir} or the schema files in ${moduleDir} are missing`);
  return paths();
}

module.exports = { SERVER_VERSION, ensureTemporalServer, clusterBuildPresent, temporalServerPaths: paths };

if (require.main === module) {
  try {
    const p = ensureTemporalServer();
    step(`Temporal Server ${p.version}: ${p.server}\n  temporal-sql-tool: ${p.sqlTool}`);
  } catch (e) {
    step(`ERROR: ${e.message}`);
    process.exit(1);
  }
}
