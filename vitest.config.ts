import { playwright } from '@vitest/browser-playwright';
import { configDefaults, defineConfig } from 'vitest/config';
import { CHROMIUM_LAUNCH } from './tests/helpers/chromium.ts';

export default defineConfig({
  test: {
    // Two test files at once (the browser tests apart). The default, one fewer than the cores, is
    // one on CI's two cores, which left a core idle: the server tests wait on fsyncs and sockets
    // about half the time. vitest runs the groups one after another, each group's projects in one pool.
    maxWorkers: 2,
    // Failure screenshots and other attachments go to the git-ignored dist/, not the repository root.
    attachmentsDir: 'dist/vitest-attachments',
    projects: [
      {
        // The server suite, in worker processes reused from file to file (isolate: false): a
        // file then costs its own tests, not a fresh import of the whole server (about 0.7 s a
        // file, 140 s a run). Sound because the code holds no module-level state (everything is
        // built by one composition root) and every test builds its own server and database.
        test: {
          name: 'node',
          include: ['tests/server/**/*.test.ts', 'tests/shared/**/*.test.ts', 'tests/helpers/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 30_000,
          pool: 'forks',
          isolate: false,
        },
      },
      {
        // Real Chromium against a real server, one file at a time and last: two of them at once, or
        // one beside the PostgreSQL pass, starved Chromium past its waits on two cores.
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          maxWorkers: 1,
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 30_000,
          pool: 'forks',
          // Builds the web client once for the browser tests.
          globalSetup: ['tests/e2e/build-client.ts'],
        },
      },
      {
        // The server suite again, each test server on a throw-away PostgreSQL database
        // (issue 23: both dialects proven by the same tests). Left out: what is SQLite by
        // nature (the file, its pragmas, backups, the CLI on the file, reading the file at a
        // relay), what never touches the database (rendering, HTTP transport, configuration),
        // and the scale-out tests, which make their own PostgreSQL databases in 'node'.
        test: {
          name: 'postgres',
          include: ['tests/server/**/*.test.ts'],
          exclude: [
            ...configDefaults.exclude,
            'tests/server/db/**',
            'tests/server/cli/**',
            'tests/server/cluster/**',
            'tests/server/render/**',
            'tests/server/http/**',
            'tests/server/config*.test.ts',
            'tests/server/worker-pool.test.ts',
            'tests/server/audit/audit.test.ts',
            'tests/server/collab/{doc-store,compaction,crash-recovery,room-registry,draft-repair,shutdown}.test.ts',
            'tests/server/export/export-{libreoffice,pdf,busy}.test.ts',
          ],
          env: { VANKIEN_TEST_STORE: 'postgres' },
          // After the SQLite pass, so a server test never has more than one other beside it.
          sequence: { groupOrder: 1 },
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 30_000,
          pool: 'forks',
          isolate: false,
        },
      },
      {
        // The web client's elements, rendered in real Chromium. Lit's legacy decorators compile
        // because client/tsconfig.json (extending the root one) sits next to the sources (T2).
        optimizeDeps: {
          // Pre-bundled up front: found mid-run, Vite reloads the page and a second copy of
          // ProseMirror breaks Tiptap ("Adding different instances of a keyed plugin").
          include: [
            'lit',
            'lit/decorators.js',
            '@lit/localize',
            'zod',
            'yjs',
            '@tiptap/core',
            '@tiptap/starter-kit',
            '@tiptap/extension-collaboration',
            '@tiptap/pm/state',
            '@tiptap/pm/view',
            '@tiptap/pm/transform',
            '@tiptap/y-tiptap',
          ],
        },
        test: {
          name: 'browser',
          include: ['tests/client/**/*.test.ts'],
          setupFiles: ['tests/client/setup.ts'],
          // Tests stub `window.fetch` (the network boundary); the real one is back before each test.
          unstubGlobals: true,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: CHROMIUM_LAUNCH,
            }),
            instances: [{ browser: 'chromium' }],
            // Kept out of the source tree, next to the e2e screenshots.
            screenshotDirectory: 'dist/client-test-screenshots',
          },
        },
      },
    ],
  },
});
