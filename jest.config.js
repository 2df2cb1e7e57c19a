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
  ...extra,
});

const withServices = {
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
};

module.exports = {
  testTimeout: 60_000,
  projects: [
    tier('unit', ['<rootDir>/{libs,apps,activities,workflows}/**/*.spec.ts']),
    tier('workflow', ['<rootDir>/test/workflow/**/*.test.ts']),
    tier('integration', ['<rootDir>/test/integration/**/*.test.ts'], withServices),
    tier('e2e', ['<rootDir>/test/e2e/**/*.test.ts'], withServices),
    // Private stack per file (own PostgreSQL, Temporal, worker and API processes) that it kills.
    tier('faults', ['<rootDir>/test/faults/**/*.test.ts']),
  ],
};
