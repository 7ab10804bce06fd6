// Suites that stop and start shared infrastructure; run alone after the integration tests.
const { disruptiveConfig } = require('./jest.preset.cjs');
// forceExit: these suites stop and restart the broker and the database under live clients, and a client
// whose reconnect races its own shutdown can keep a socket open after every test has finished; the
// results are complete by then, and a run must end rather than wait for the CI time limit.
module.exports = { ...disruptiveConfig(__dirname), maxWorkers: 1, testTimeout: 180_000, forceExit: true };
