import { readFile } from 'node:fs/promises';
import { createTeam, expect, test, unique } from './fixtures';

/**
 * The audit-log viewer in the browser. Every worker shares one organization, so the test finds
 * its own rows by a tag in the names it creates (the free-text search over target names).
 */
test('filter the audit log, expand a diff, export the filtered rows as CSV, see the chain verified', async ({ page, api }) => {
  const tag = unique('Audit').replace(' ', '-').toLowerCase();
  const team = await createTeam(api, `${tag} squad`, 'development');
  const renamed = await api.patch(`/api/v1/teams/${team.id}`, { data: { name: `${tag} core` } });
  expect(renamed.ok(), await renamed.text()).toBe(true);
  const template = await api.post('/api/v1/templates', { data: { name: `${tag} policy`, preset: 'supervised-production' } });
  expect(template.status()).toBe(201);

  await page.goto('/audit-log');
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await expect(page.getByTestId('chain-status')).toContainText(/Chain intact from #1 to #\d+ \(verified just now/);

  // Filter: the tag over target names, the teams group. A GET form: the URL carries the filters.
  await page.getByLabel('Search target names').fill(tag);
  await page.getByLabel('Action').selectOption('teams');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/[?&]action=teams/);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${tag}`));
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute('data-action', 'team.updated');
  await expect(rows.nth(1)).toHaveAttribute('data-action', 'team.created');
  await expect(rows.nth(0)).toContainText(`Team “${tag} core”`);
  await expect(page.getByLabel('Search target names')).toHaveValue(tag); // the form keeps its values
  await expect(page.getByLabel('Action')).toHaveValue('teams');

  // The rename's before/after, behind a <details>.
  const seq = await rows.nth(0).getAttribute('data-seq');
  const diff = page.getByTestId(`audit-diff-${seq}`);
  await expect(diff.getByText(`${tag} squad`)).toBeHidden();
  await diff.locator('summary').click();
  await expect(diff.getByText(`${tag} squad`)).toBeVisible();
  await expect(diff.getByText(`${tag} core`)).toBeVisible();

  // Export CSV: a file with exactly the filtered rows.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-log-[\d-]+\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).split('\r\n').filter(Boolean);
  expect(lines[0]).toMatch(/^seq,time,actor_type,actor,/);
  expect(lines.slice(1).map((line) => line.split(',')[6])).toEqual(['team.updated', 'team.created']);
  expect(lines.slice(1).every((line) => line.includes(team.id))).toBe(true);

  // A filter that matches nothing says so and offers the way back.
  await page.getByLabel('Search target names').fill(`${tag}-nothing-like-this`);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByText('No entries match these filters')).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Clear filters' }).last().click();
  await expect(page).toHaveURL(/\/audit-log$/);
  await expect(rows.first()).toBeVisible();
});

test('a bad filter in a shared link is explained, the form keeps it, nothing breaks', async ({ page }) => {
  await page.goto('/audit-log?from=2026-02-31&q=kept');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('The filters are not valid');
  await expect(page.locator('#from-error')).toHaveText('Use a date as YYYY-MM-DD.');
  await expect(page.getByLabel('Search target names')).toHaveValue('kept');
});

test.describe('at phone width', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the audit log fits the screen: filters and rows stack, the diff is on screen', async ({ page }) => {
    await page.goto('/audit-log');
    await expect(page.getByTestId('chain-status')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Apply filters' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Rows stack on a phone: the diff of a row is on screen, not behind a sideways scroll.
    const summary = await page.locator('tbody tr summary').first().boundingBox();
    expect(summary).not.toBeNull();
    expect(summary!.x + summary!.width).toBeLessThanOrEqual(390);
  });
});
