// One jest run covers every tier. Shared servers (PostgreSQL, Temporal dev server)
// are started once per run by test/setup/global-setup.ts, and only when a tier
// that needs them is selected.
'use strict';

const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
};

const tier = (displayName, testMatch, extra = {}) => ({
  displayName,
  testMatch,
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/test/setup/quiet-temporal.ts'],
  // .tools holds the Go module cache of the Temporal Server build (thousands of files, some package.json).
  modulePathIgnorePatterns: ['<rootDir>/.tools/', '<rootDir>/.data/'],
  ...extra,
});

const withServices = {
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
};

// The cluster tier runs `npm run start:cluster` (Temporal Server built from source into
// .tools/ by `npm run build:cluster`, about 5 min once); it is a project only when that
// build is present, so a fresh clone's `npm test` does not spend the build. It starts
// its own servers (no shared ones).
const { clusterBuildPresent } = require('./scripts/lib/cluster-tools');

module.exports = {
  testTimeout: 60_000,
  projects: [
    tier('unit', ['<rootDir>/{libs,apps,activities,workflows}/**/*.spec.ts']),
    tier('workflow', ['<rootDir>/test/workflow/**/*.test.ts']),
    tier('integration', ['<rootDir>/test/integration/**/*.test.ts'], withServices),
    tier('e2e', ['<rootDir>/test/e2e/**/*.test.ts'], withServices),
    // The workbench in Debian's Chromium against the whole stack (test/support/browser.ts).
    tier('browser', ['<rootDir>/test/browser/**/*.test.ts'], withServices),
    // Private stack per file (own PostgreSQL, Temporal, worker and API processes) that it kills.
    tier('faults', ['<rootDir>/test/faults/**/*.test.ts']),
    ...(clusterBuildPresent() ? [tier('cluster', ['<rootDir>/test/cluster/**/*.test.ts'])] : []),
  ],
};
