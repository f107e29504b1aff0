// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'bench/results/', 'client/i18n/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // An unawaited promise in a socket or database path is an unhandled rejection waiting to happen.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Configuration is read once, in server/config.ts (and by the tools under bench/).
    files: ['server/**/*.ts', 'shared/**/*.ts'],
    ignores: ['server/config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration in server/config.ts only.' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', '**/client/**'], message: 'shared/ depends on nothing of ours.' },
          ],
        },
      ],
    },
  },
  {
    files: ['client/**/*.ts'],
    rules: {
      // Lit calls template event listeners (@click=${this.onX}) with `this` bound to the host.
      '@typescript-eslint/unbound-method': 'off',
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**'], message: 'client/ never imports server/.' }] },
      ],
    },
  },
  {
    // The collaboration core (server/collab/core/) sees ports, not frameworks or databases: the
    // adapters around it (ws/, store/, sqlite/, postgres/) implement those ports.
    files: ['server/collab/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['hono', 'ws', 'kysely', 'better-sqlite3', 'pg', '@hono/node-server', 'node:worker_threads'],
          patterns: [
            {
              group: ['../ws/**', '../store/**', '../sqlite/**', '../postgres/**', '../collab-core.ts'],
              message: 'The core depends on its ports only; adapters depend on the core.',
            },
          ],
        },
      ],
    },
  },
  {
    // The socket edge speaks HTTP and WebSocket and reaches documents through the core's rooms.
    files: ['server/collab/ws/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['kysely', 'better-sqlite3', 'pg'],
          patterns: [
            { group: ['../store/**', '../sqlite/**', '../postgres/**'], message: 'Go through the core.' },
          ],
        },
      ],
    },
  },
  {
    // The stores know their database and nothing of the transport.
    files: ['server/collab/store/**/*.ts', 'server/collab/sqlite/**/*.ts', 'server/collab/postgres/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['hono', 'ws', '@hono/node-server'],
          patterns: [{ group: ['../ws/**'], message: 'Stores know no transport.' }],
        },
      ],
    },
  },
  {
    // Each database's store stays out of the other's.
    files: ['server/collab/sqlite/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['hono', 'ws', '@hono/node-server', 'pg'],
          patterns: [{ group: ['../ws/**', '../postgres/**'] }],
        },
      ],
    },
  },
  {
    files: ['server/collab/postgres/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['hono', 'ws', '@hono/node-server', 'better-sqlite3'],
          patterns: [{ group: ['../ws/**', '../sqlite/**'] }],
        },
      ],
    },
  },
);
