import { defineConfig } from 'vitest/config';

// The slowest cases (the packed install, the 20-kill crash loop, a 1 GB text node), apart from
// `npm test`; `.ci/run` runs them once.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/slow/**/*.test.ts'],
    exclude: ['dist/**', 'node_modules/**'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
