// Every project's unit tests in one jest run (`npm test` uses this; `nx test <project>` runs one).
const { projectConfigs } = require('./tools/jest/project-configs.cjs');
module.exports = { projects: projectConfigs('jest.config.cjs') };
