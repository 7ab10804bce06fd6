// The end-to-end suite: the four services as separate processes on real Kafka, PostgreSQL and Redis,
// driven through their public HTTP APIs. One file at a time: each starts a whole cluster.
const path = require('node:path');
const { swcTransform, moduleNameMapper } = require('./jest.preset.cjs');

module.exports = {
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swcTransform },
  moduleNameMapper,
  testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
  globalSetup: path.join(__dirname, 'test/e2e/support/global-setup.ts'),
  testTimeout: 180_000,
  maxWorkers: 1,
  // The crash suite restarts the broker and the database under live clients; see jest.disruptive.config.cjs.
  forceExit: true,
};
