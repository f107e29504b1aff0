// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const TRANSPORT = ['hono', 'ws', '@hono/node-server'];
const DATABASES = ['kysely', 'better-sqlite3', 'pg'];

/**
 * Keeps the files of one folder of server/collab off some packages and some of our paths.
 * @param {string} folder
 * @param {string[]} packages
 * @param {string[]} paths
 * @param {string} message
 */
function collabFolder(folder, packages, paths, message) {
  return {
    files: [`server/collab/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', { paths: packages, patterns: [{ group: paths, message }] }],
    },
  };
}

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
  // The collaboration core (server/collab/core/) sees ports, not frameworks or databases: the
  // adapters around it implement those ports. Each folder of server/collab has its own rule.
  collabFolder(
    'core',
    [...TRANSPORT, ...DATABASES, 'node:worker_threads'],
    ['../ws/**', '../store/**', '../sqlite/**', '../postgres/**', '../collab-core.ts'],
    'The core depends on its ports only; adapters depend on the core.',
  ),
  // The socket edge speaks HTTP and WebSocket and reaches documents through the core's rooms.
  collabFolder('ws', DATABASES, ['../store/**', '../sqlite/**', '../postgres/**'], 'Go through the core.'),
  // The stores know their database and nothing of the transport; each database's store stays
  // out of the other's.
  collabFolder('store', TRANSPORT, ['../ws/**'], 'Stores know no transport.'),
  collabFolder('sqlite', [...TRANSPORT, 'pg'], ['../ws/**', '../postgres/**'], 'SQLite only.'),
  collabFolder(
    'postgres',
    [...TRANSPORT, 'better-sqlite3'],
    ['../ws/**', '../sqlite/**'],
    'PostgreSQL only.',
  ),
);
