/** Three tiers: unit tests of libs (no I/O); medium tests of the stores, the outbox relay and the
 * reconciler against the real PostgreSQL the harness starts; integration/e2e tests of the whole
 * service over HTTP against the real PostgreSQL and Redis (test/harness/global-setup.ts). */
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
      displayName: 'medium',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/medium/**/*.medium-spec.ts'],
      globalSetup: '<rootDir>/test/harness/medium-setup.ts',
      globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
      setupFiles: ['reflect-metadata'],
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
