import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/tmp/**', '**/node_modules/**'],
    // Prints, after the run, which toolchains were missing and what they left unverified.
    globalSetup: ['test/support/toolchain-log.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
