// Lint rules for the whole workspace. The module-boundary constraints are what keep the architecture
// honest: services never import each other, libraries never import services, and the test-only
// library never reaches production code.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const productionConstraints = [
  { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:contracts', 'type:plumbing'] },
  { sourceTag: 'type:plumbing', onlyDependOnLibsWithTags: ['type:contracts', 'type:plumbing'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:plumbing', 'type:testing'],
  },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:contracts', 'type:plumbing', 'type:testing'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:plumbing', 'type:testing'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:requests', onlyDependOnLibsWithTags: ['scope:requests', 'scope:shared'] },
  { sourceTag: 'scope:dispatch', onlyDependOnLibsWithTags: ['scope:dispatch', 'scope:shared'] },
  { sourceTag: 'scope:volunteer-hours', onlyDependOnLibsWithTags: ['scope:volunteer-hours', 'scope:shared'] },
  { sourceTag: 'scope:notifications', onlyDependOnLibsWithTags: ['scope:notifications', 'scope:shared'] },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
  // The web console runs in the browser: it reaches the services over HTTP and imports no library.
  { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:console'] },
];

// Tests may additionally use the testing library; everything else stays as strict as production.
const testConstraints = productionConstraints.map((constraint) =>
  constraint.sourceTag === 'type:service' || constraint.sourceTag === 'type:plumbing'
    ? { ...constraint, onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'type:testing'] }
    : constraint,
);

const boundaries = (depConstraints) => [
  'error',
  { enforceBuildableLibDependency: false, allow: [], banTransitiveDependencies: false, depConstraints },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.local/**', '.nx/**', '**/*.cjs', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': boundaries(productionConstraints),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through the validated config of libs/platform, never process.env.',
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(testConstraints) },
  },
  {
    // Slices stay apart (ADR 0045): a slice uses another one through its domain, its application (ports
    // included) and its module, never through its infrastructure or interface. A relative path that
    // climbs out of a folder and then enters `<folder>/infrastructure` or `<folder>/interface` reaches
    // into another slice; a slice reaches its own layers without naming itself (`../infrastructure/…`).
    // Domain files get the stricter rule of the next block. Command-line entry points (`*.command.ts`,
    // and the demo district's loader, run before the service to seed its directory) are composition
    // roots, like main.ts, and wire concrete classes.
    files: ['services/{requests,dispatch,volunteer-hours,notifications}/src/**/*.ts'],
    ignores: ['**/*.command.ts', 'services/dispatch/src/demo-district/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+[^./][^/]*/(infrastructure|interface)(/|$)',
              message:
                'Another slice’s infrastructure and interface are its own: depend on a port in its application layer, bound in its module.',
            },
          ],
        },
      ],
    },
  },
  {
    // A service's domain is plain TypeScript: rules unit-tested without a framework, a database or a
    // broker. It may use other domain code, the contracts and the platform's framework-free helpers.
    files: ['services/*/src/**/domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'kafkajs',
                'pg',
                'ioredis',
                'express',
                '@loop/messaging',
                '@loop/testing',
              ],
              message:
                'Domain code stays free of frameworks and I/O: move this to application or infrastructure.',
            },
            {
              regex: '(^|/)(application|infrastructure|interface)(/|$)',
              message: 'Domain code may not depend on the application, infrastructure or interface layers.',
            },
          ],
        },
      ],
    },
  },
  {
    // The infrastructure runner, the harness and config loading are the places that read the environment.
    files: [
      'tools/**/*.ts',
      'libs/testing/**/*.ts',
      'libs/platform/src/config/**/*.ts',
      '**/*.spec.ts',
      '**/test/**/*.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
