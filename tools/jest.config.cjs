const { unitConfig } = require('../jest.preset.cjs');
module.exports = {
  ...unitConfig(__dirname, 'tools'),
  testMatch: ['<rootDir>/**/*.spec.ts'],
  testPathIgnorePatterns: ['/test/'],
};
