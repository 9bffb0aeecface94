import { expect, test } from '@playwright/test';
import { FIRST_OWNER, ORGANIZATION } from './fixtures';

// The `setup` project: runs first, on a fresh data directory, before every other spec.
test('first-run setup creates the organization and its owner, then disappears', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel('Organization').fill(ORGANIZATION);
  await page.getByLabel('Your name (optional)').fill(FIRST_OWNER.name);
  await page.getByLabel('E-mail').fill(FIRST_OWNER.email);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create organization and owner' }).click();
  // The browser's own minlength check or the server's message: either way nothing is created.
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel('Password').fill(FIRST_OWNER.password);
  await page.getByRole('button', { name: 'Create organization and owner' }).click();
  await expect(page).toHaveURL(/\/login\?setup=done$/);
  await expect(page.getByText('Your organization is ready')).toBeVisible();

  const response = await page.goto('/setup');
  expect(response?.status()).toBe(404);
});
