import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { SAMPLES_DIR } from '../helpers/samples';

// The dashboards over the shared sample files: ingested through the API, drawn, filtered, drilled into.
const SAMPLES = SAMPLES_DIR;
const RANGE = 'from=2026-10-27&to=2026-11-09';
const PAGES = [
  { path: '/dashboard', name: 'telemetry', minCharts: 6 },
  { path: '/dashboard/prompts', name: 'prompts', minCharts: 4 },
  { path: '/dashboard/activity', name: 'activity', minCharts: 2 },
  { path: '/dashboard/compliance', name: 'compliance', minCharts: 2 },
];

test.beforeEach(async ({ api }) => {
  for (const file of ['telemetry.ndjson', 'prompt-log-chat.json', 'prompt-log-inline.json.gz', 'user-activity.csv']) {
    const response = await api.post('/api/v1/uploads', { data: readFileSync(path.join(SAMPLES, file)), headers: { 'X-Filename': file } });
    expect(response.status(), await response.text()).toBe(201);
  }
});

for (const dashboard of PAGES) {
  test(`${dashboard.name} dashboard draws its charts`, async ({ page }, testInfo) => {
    await page.goto(`${dashboard.path}?${RANGE}`);
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
    await expect.poll(() => page.locator('[data-testid="chart-figure"] svg.recharts-surface').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(dashboard.minCharts);
    await page.screenshot({ path: testInfo.outputPath(`dashboard-${dashboard.name}.png`), fullPage: true });
  });
}

test('a filter changes the URL and the numbers without a full reload', async ({ page }) => {
  await page.goto(`/dashboard?${RANGE}`);
  const card = page.getByTestId('chart-telemetry-events');
  await card.getByRole('button', { name: 'View as table' }).click();
  const rows = card.getByTestId('chart-table').locator('tbody tr');
  await expect(rows).toHaveCount(14);
  await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 42));
  await page.getByLabel('Bucket').selectOption('week');
  await expect(page).toHaveURL(/bucket=week/);
  await expect(page.getByTestId('chart-telemetry-events').getByRole('button', { name: 'View as table' })).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('chart-telemetry-events').getByRole('button', { name: 'View as table' }).click();
  await expect(page.getByTestId('chart-telemetry-events').getByTestId('chart-table').locator('tbody tr')).toHaveCount(3);
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42);
  await page.reload();
  await expect(page.getByLabel('Bucket')).toHaveValue('week');
});
