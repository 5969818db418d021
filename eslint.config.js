import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'test-results/', 'playwright-report/', 'e2e-output/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../common/*', '../../common/*'], message: 'import shared contracts through #common/*' },
            { group: ['../browser/*', '../../browser/*'], message: 'import page-and-SW code through #browser/*' },
          ],
        },
      ],
    },
  },
  {
    files: ['client/**/*.ts'],
    ...lit.configs['flat/recommended'],
    languageOptions: { globals: globals.browser },
  },
  { files: ['client/**/*.ts'], ...wc.configs['flat/recommended'] },
  {
    files: ['client/**/*.ts'],
    ignores: ['client/components/app-element.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ClassDeclaration[superClass.name='LitElement']",
          message:
            'extend AppElement (client/components/app-element.ts): its first render yields, keeping the app free of long tasks',
        },
      ],
    },
  },
  // The repository is asynchronous (SQLite or PostgreSQL): a store call left without await would
  // answer before its write and swallow its error. Type-aware, so for server/ only.
  {
    files: ['server/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error', '@typescript-eslint/await-thenable': 'error' },
  },
  { files: ['sw/**/*.ts'], languageOptions: { globals: globals.serviceworker } },
  { files: ['browser/**/*.ts'], languageOptions: { globals: { ...globals.browser, ...globals.serviceworker } } },
  // Each runtime imports only common/ and browser/: the page never reaches into the worker's files, nor the reverse.
  {
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/sw/*'],
              message: 'the page talks to the SW through client/sw-bridge.ts; shared code lives in browser/',
            },
            {
              group: ['../common/*', '../../common/*', '../browser/*', '../../browser/*'],
              message: 'use #common/* or #browser/*',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['sw/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/client/*'], message: 'shared code lives in browser/' },
            {
              group: ['../common/*', '../../common/*', '../browser/*', '../../browser/*'],
              message: 'use #common/* or #browser/*',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['browser/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/client/*', '**/sw/*'], message: 'browser/ runs in both the page and the SW: it imports neither' },
            { group: ['../common/*', '../../common/*'], message: 'use #common/*' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'media/*.mjs', '*.ts', '*.js'],
    languageOptions: { globals: globals.node },
  },
  prettier,
);
