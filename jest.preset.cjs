// Shared jest settings: SWC transpiles TypeScript (with decorator metadata for NestJS) and the
// tsconfig path aliases resolve to library sources, so tests never need a build first.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/', '\\/')}$`,
    path.join(__dirname, target),
  ]),
);

const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

/** Unit tests: `*.spec.ts` beside the code, no infrastructure. */
function unitConfig(projectDir, displayName) {
  return {
    displayName,
    rootDir: projectDir,
    testEnvironment: 'node',
    transform: { '^.+\\.ts$': swcTransform },
    moduleNameMapper,
    testMatch: ['<rootDir>/src/**/*.spec.ts'],
  };
}

/** Integration tests: `test/integration/*.int-spec.ts` against real Kafka, PostgreSQL and Redis. */
function integrationConfig(projectDir, displayName) {
  return {
    displayName: `${displayName}:int`,
    rootDir: projectDir,
    testEnvironment: 'node',
    transform: { '^.+\\.ts$': swcTransform },
    moduleNameMapper,
    testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
    globalSetup: path.join(__dirname, 'tools/infra/jest-global-setup.ts'),
    testTimeout: 60_000,
    maxWorkers: 1,
  };
}

/**
 * Disruptive tests: `test/disruptive/*.int-spec.ts` stop and start shared infrastructure (the Kafka
 * broker), so they run alone, one file at a time, after every other suite.
 */
function disruptiveConfig(rootDir) {
  return {
    ...integrationConfig(rootDir, 'disruptive'),
    testMatch: [
      '<rootDir>/services/*/test/disruptive/**/*.int-spec.ts',
      '<rootDir>/test/disruptive/**/*.int-spec.ts',
    ],
    testTimeout: 180_000,
  };
}

module.exports = { unitConfig, integrationConfig, disruptiveConfig, swcTransform, moduleNameMapper };
