import fs from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * Per service, the model files of its area-scoped collections and the names that reach their
 * models, from `services/<name>/scoped-models.json` (a service has one once it reads them through
 * kit's ScopedRepository).
 */
const SCOPED_MODELS = Object.fromEntries(
  fs
    .readdirSync(new URL('./services', import.meta.url), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => [d.name, new URL(`./services/${d.name}/scoped-models.json`, import.meta.url)])
    .filter(([, file]) => fs.existsSync(file))
    .map(([name, file]) => [name, JSON.parse(fs.readFileSync(file, 'utf8')).models]),
);

const SERVICES = [
  'registry',
  'funds',
  'matching',
  'support',
  'assistance',
  'assessment',
  'gateway',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'deploy/local/.cache/**',
      'deploy/local/.run/**',
      'packages/contracts/src/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // `any` needs a comment saying why; the disable comment is that place.
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The console's React code: the rules of hooks (their dependency lists included).
    files: ['console/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  // Area-scoped collections are read and written through kit's ScopedRepository, which adds
  // the caller's area itself (a query without it does not type-check). Their models are
  // reached in their model file and in the service's composition root, nowhere else: a route
  // or a service that imports one could query another township's records.
  ...Object.entries(SCOPED_MODELS).map(([service, models]) => ({
    files: [`services/${service}/src/**/*.ts`],
    ignores: [`services/${service}/src/**/*.model.ts`, `services/${service}/src/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: models.map(([model, names]) => ({
            group: [`**/${model}`, `./${model}`],
            importNames: names,
            message:
              'An area-scoped collection: take its ScopedRepository (kit) from the composition root.',
          })),
        },
      ],
    },
  })),
  // A package is used through its entry (`exports` in its package.json), never its files; and
  // the deployment and the console reach a service over HTTP or through contracts, never its
  // source. (The typed rule name leaves `no-restricted-imports` to the rules above.)
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@fupin/*/src', '@fupin/*/src/**'],
              message: 'Import the package by its name (its exports map), not its files.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['deploy/**/*.ts', 'console/**/*.ts', 'console/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@fupin/*/src', '@fupin/*/src/**'],
              message: 'Import the package by its name (its exports map), not its files.',
            },
            {
              group: [
                '**/services/*/src',
                '**/services/*/src/**',
                ...SERVICES.map((s) => `@fupin/${s}`),
              ],
              message:
                "A service's source is its own: take what is shared from @fupin/contracts or @fupin/reference.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bench/**', 'scripts/**', 'deploy/**'],
    rules: { 'no-console': 'off' },
  },
  prettier,
);
