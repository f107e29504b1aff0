import { playwright } from '@vitest/browser-playwright';
import { configDefaults, defineConfig } from 'vitest/config';
import { CHROMIUM_LAUNCH } from './tests/helpers/chromium.ts';

export default defineConfig({
  test: {
    // Failure screenshots and other attachments go to the git-ignored dist/, not the repository root.
    attachmentsDir: 'dist/vitest-attachments',
    projects: [
      {
        test: {
          name: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/client/**'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 30_000,
          pool: 'forks',
          // Builds the web client once for the browser tests in tests/e2e.
          globalSetup: ['tests/e2e/build-client.ts'],
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
