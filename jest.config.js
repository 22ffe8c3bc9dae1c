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
  // A worker that has ended its work and holds no handle still needs time to exit: freeing its
  // V8 heap took 0.2-0.5 s on a loaded 2-core box, and past Jest's default 500 ms the worker is
  // killed with "A worker process has failed to exit gracefully". A real leak still gets that
  // warning, only later: a worker held open by a timer or socket never exits by itself.
  workerGracefulExitTimeout: 10_000,
};
