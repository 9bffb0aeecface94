import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive Debian's Chromium (never a downloaded browser) against the real
 * `npm start`: it builds if needed and runs on an embedded PostgreSQL in a fresh data directory.
 * The `setup` project (first-run setup) runs first; every other spec is independent of the
 * others (its own data through the API, one sign-in per worker), so files run in parallel.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATA_DIR = path.join(os.tmpdir(), `pilotlight-e2e-${port}`);
const baseURL = `http://localhost:${port}`;
// tests/smoke/exit-codes.test.ts runs one deliberately failing spec through this same config.
const failingFixture = process.env.PILOTLIGHT_FAILING_FIXTURES === '1';

export default defineConfig({
  testDir: failingFixture ? 'tests/fixtures/failing' : 'tests/e2e',
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  // Generous: the tests wait for real work on a busy 2-core machine, never for a fixed time.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  outputDir: failingFixture ? path.join(os.tmpdir(), `pilotlight-failing-e2e-${port}`) : 'test-results',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    },
  },
  projects: failingFixture
    ? [{ name: 'failing', testMatch: 'e2e.spec.ts' }]
    : [
        { name: 'setup', testMatch: 'setup.spec.ts' },
        { name: 'console', testMatch: '**/*.spec.ts', testIgnore: 'setup.spec.ts', dependencies: ['setup'] },
      ],
  webServer: {
    command: `rm -rf "${E2E_DATA_DIR}" && npm start`,
    url: `${baseURL}/api/v1/health`,
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGINT', timeout: 30_000 },
    env: { PORT: String(port), PILOTLIGHT_DATA_DIR: E2E_DATA_DIR, DATABASE_URL: '', NEXTAUTH_URL: baseURL },
  },
});
