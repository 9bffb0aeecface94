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

test('drilling into a bar shows its records, and the table view opens them from the keyboard', async ({ page }) => {
  await page.goto(`/dashboard/compliance?${RANGE}`);
  const commands = page.getByTestId('chart-commands');
  await expect(commands.getByRole('application')).toBeVisible();
  // A zero-count bar is an empty <g class="recharts-bar-rectangle"> (recharts draws no path at height 0),
  // so the first such group can be unclickable; click the first drawn bar, which has records by construction.
  await commands.locator('.recharts-bar-rectangle path').first().click();
  const drill = commands.getByTestId('drilldown');
  await expect(drill).toBeVisible();
  await expect(drill.getByTestId('drilldown-table').locator('tbody tr').first()).toBeVisible();
  await expect(drill.getByRole('link', { name: /telemetry\.ndjson/ }).first()).toBeVisible();

  const compliance = page.getByTestId('chart-compliance');
  await compliance.getByRole('button', { name: 'View as table' }).click();
  const cell = compliance.getByRole('button', { name: /^dangerous-commands at 2026-11-02/ });
  await cell.focus();
  await page.keyboard.press('Enter');
  await expect(compliance.getByTestId('drilldown-table').locator('tbody tr')).not.toHaveCount(0);
  await expect(compliance.getByTestId('drilldown')).toContainText('rm -rf');
});
