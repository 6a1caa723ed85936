import { defineConfig } from 'vitest/config';

// Three projects so that `npm test` can run them in order and report each:
// unit (library, fast), notebooks (real Jupyter + tslab), browser (Chromium against the built site and Jupyter).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
      { test: { name: 'notebooks', include: ['test/notebooks/**/*.test.ts'], testTimeout: 600_000, hookTimeout: 600_000, fileParallelism: false } },
      { test: { name: 'browser', include: ['test/browser/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 300_000, fileParallelism: false } },
    ],
  },
});
