// The console's browser tests: the four services as processes on real infrastructure (the end-to-end
// suite's cluster and global setup), the console served as `npm start` serves it, and Debian's Chromium
// driven by Playwright. Screenshots of each screen go to .local/console-screens/.
const path = require('node:path');
const { swcTransform, moduleNameMapper } = require('../../jest.preset.cjs');

const root = path.join(__dirname, '..', '..');

module.exports = {
  displayName: 'console-e2e',
  rootDir: root,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swcTransform },
  moduleNameMapper,
  testMatch: ['<rootDir>/test/console-e2e/**/*.e2e-spec.ts'],
  globalSetup: path.join(__dirname, 'support', 'global-setup.ts'),
  testTimeout: 180_000,
  maxWorkers: 1,
  forceExit: true,
};
