import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Builds the web client once for the browser tests in tests/e2e.
    globalSetup: ['tests/e2e/build-client.ts'],
  },
});
