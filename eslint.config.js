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
    // The collaboration core sees ports, not frameworks: only its edge files touch Hono, ws or the database.
    files: ['server/collab/**/*.ts'],
    ignores: [
      'server/collab/collab.routes.ts',
      'server/collab/ws-peer.ts',
      'server/collab/sqlite-doc-store.ts',
      'server/collab/sqlite-client-owners.ts',
      'server/collab/postgres-*.ts',
      'server/collab/collab-document.*.ts',
      'server/collab/compaction*.ts',
      'server/collab/update-log.worker.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['hono', 'ws', 'kysely', 'better-sqlite3', '@hono/node-server'] },
      ],
    },
  },
);
