// Every project's integration tests in one jest run against the real infrastructure. Suites isolate
// themselves (own database, topics, consumer groups and Redis prefix), so two can run side by side.
const { projectConfigs } = require('./tools/jest/project-configs.cjs');
// testTimeout is a global option: in projects mode jest ignores the per-project value.
module.exports = { projects: projectConfigs('jest.int.config.cjs'), maxWorkers: 2, testTimeout: 60_000 };
