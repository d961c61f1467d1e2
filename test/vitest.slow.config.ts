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
    // The suite's assertions are written against the English texts; test/i18n checks pt-BR (the
    // default for users) and sets the language itself.
    env: { PI_SENDER_LANG: 'en' },
    hookTimeout: 600_000,
  },
});
