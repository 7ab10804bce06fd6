// Suites that stop and start shared infrastructure; run alone after the integration tests.
const { disruptiveConfig } = require('./jest.preset.cjs');
module.exports = { ...disruptiveConfig(__dirname), maxWorkers: 1, testTimeout: 180_000 };
