/** Tests run against a real PostgreSQL: an embedded one started in globalSetup, or DATABASE_URL's server. */
const { swcOptions } = require('./scripts/swc-options');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/tests'],
  testMatch: ['**/*.spec.ts', '**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcOptions(), sourceMaps: 'inline' }] },
  setupFiles: ['reflect-metadata'],
  // citation-js requires the ESM-only node-fetch 3, which Jest's CommonJS loader cannot load (see the file).
  moduleNameMapper: { '^node-fetch$': '<rootDir>/tests/support/node-fetch-builtin.js' },
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  // A guard against hangs, not a speed limit: a busy 2-core CI box can be slow.
  testTimeout: 180_000,
  maxWorkers: 2,
};
