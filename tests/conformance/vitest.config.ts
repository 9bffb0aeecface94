import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.resolve(import.meta.dirname, '../..');

/** The conformance tests: Pilotlight's exports checked by the tools' own code and published schemas. */
export default defineConfig({
  root,
  resolve: { alias: [{ find: /^@\//, replacement: `${root}/` }] },
  test: {
    name: 'conformance',
    include: ['tests/conformance/**/*.test.ts'],
    testTimeout: 120_000,
    // Gemini's policy engine reads the home folder for user policies: one process, one fake home.
    fileParallelism: false,
  },
});
