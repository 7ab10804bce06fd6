const { integrationConfig } = require('../../jest.preset.cjs');
module.exports = integrationConfig(__dirname, 'testing');
