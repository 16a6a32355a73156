import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('.', import.meta.url)) },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // A file store folder per test file (FILES_DIR), removed afterwards.
    setupFiles: ['tests/support/file-store.ts'],
    // Opening PGlite and migrating takes a few seconds on this machine's two cores.
    testTimeout: 30_000,
    // One test file per core: vitest's default keeps one core free, but most of a suite's
    // time is spent waiting on PostgreSQL, Redis, websockets and timers, so on this
    // project's two-core machines two files at once take 245 s instead of 412 s.
    maxWorkers: 2,
    hookTimeout: 60_000,
  },
});
