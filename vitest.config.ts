import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

/**
 * tests/fixtures/failing/ holds one deliberately failing test per project. They run only when
 * PILOTLIGHT_FAILING_FIXTURES=1 (tests/smoke/exit-codes.test.ts sets it) and prove that a failure
 * in any project exits non-zero through the project's real setup and teardown.
 */
const failing = process.env.PILOTLIGHT_FAILING_FIXTURES === '1';
const only = (project: string, pattern: string) => (failing ? [`tests/fixtures/failing/${project}.test.ts`] : [pattern]);

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // `server-only` throws outside React Server Components by design; tests are server code.
      { find: /^server-only$/, replacement: path.join(root, 'tests/helpers/server-only.ts') },
    ],
  },
  test: {
    // Playwright's *.spec.ts files are not vitest's.
    projects: [
      // Property tests (500 generated documents per format) take ~0.7 s alone and several times that
      // on a busy 2-core CI machine: vitest's 5 s default made them fail under load.
      { extends: true, test: { name: 'unit', include: only('unit', 'tests/unit/**/*.test.ts'), testTimeout: 60_000 } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: only('integration', 'tests/integration/**/*.test.ts'),
          globalSetup: ['tests/helpers/global-setup.ts'],
          // Generous: tests wait for real work (hashing, PostgreSQL), and CI machines are busy.
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: { name: 'smoke', include: only('smoke', 'tests/smoke/**/*.test.ts'), testTimeout: 600_000, hookTimeout: 600_000, fileParallelism: false },
      },
    ],
  },
});
