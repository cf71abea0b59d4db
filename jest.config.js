/** Two tiers: pure unit tests of libs (no I/O), and integration/e2e tests against the real
 * PostgreSQL and Redis that test/harness/global-setup.ts starts as child processes. */
const fs = require('fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const transform = { '^.+\\.ts$': ['@swc/jest', { ...swc, $schema: undefined, sourceMaps: 'inline' }] };

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/libs/**/test/**/*.spec.ts', '<rootDir>/apps/**/test/**/*.spec.ts'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/harness/global-setup.ts',
      globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
      setupFiles: ['reflect-metadata'],
    },
  ],
  reporters: ['default', '<rootDir>/test/harness/summary.reporter.js'],
  maxWorkers: 2,
  testTimeout: 60000,
};
