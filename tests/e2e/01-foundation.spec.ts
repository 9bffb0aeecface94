import { expect, test } from '@playwright/test';
import { OWNER, signIn } from './helpers';

test.describe.configure({ mode: 'serial' });

test('first-run setup creates the organization and its owner, then disappears', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel('Organization').fill(OWNER.organization);
  await page.getByLabel('Your name (optional)').fill(OWNER.name);
  await page.getByLabel('E-mail').fill(OWNER.email);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create organization and owner' }).click();
  // The browser's own minlength check or the server's message: either way nothing is created.
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Create organization and owner' }).click();
  await expect(page).toHaveURL(/\/login\?setup=done$/);
  await expect(page.getByText('Your organization is ready')).toBeVisible();

  const response = await page.goto('/setup');
  expect(response?.status()).toBe(404);
});

test('a wrong password shows an error and is recorded; the right one opens the console', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(OWNER.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('form', { name: 'Sign in' }).getByRole('alert')).toHaveText('The e-mail or password is wrong.');
  await expect(page).toHaveURL(/\/login/);

  await signIn(page);
  await expect(page.getByTestId('shell-organization')).toHaveText(OWNER.organization);
  await expect(page.getByTestId('shell-role')).toHaveText('Owner');
  for (const area of ['Policies', 'Teams', 'Uploads', 'Dashboard', 'Reports', 'Audit log', 'Settings']) {
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: area })).toBeVisible();
  }

  await page.getByRole('link', { name: 'Audit log' }).click();
  const failed = page.locator('tr[data-action="auth.sign_in_failed"]');
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText('Sign-in failed');
  await expect(failed).toContainText(OWNER.email);
  await expect(failed).toContainText('invalid_credentials');
  await expect(page.locator('tr[data-action="auth.sign_in"]')).toHaveCount(1);
});

test('an owner adds a member, who can then sign in with their role', async ({ page, browser }) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Members' }).click();
  const form = page.getByRole('form', { name: 'Add a member' });
  await form.getByLabel('E-mail').fill('eddie@acme.test');
  await form.getByLabel('Name (optional)').fill('Eddie Editor');
  await form.getByLabel('Role').selectOption('EDITOR');
  await form.getByLabel('Initial password').fill('eddie-editor-password');
  await form.getByRole('button', { name: 'Add member' }).click();
  await expect(form.getByRole('status')).toHaveText('eddie@acme.test was added.');
  await expect(page.getByTestId('member-eddie@acme.test')).toContainText('Editor');

  // The last owner cannot be removed.
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('form', { name: `Remove ${OWNER.email}` }).getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText('This is the last owner and cannot be removed.')).toBeVisible();

  const editorContext = await browser.newContext();
  const editorPage = await editorContext.newPage();
  await signIn(editorPage, 'eddie@acme.test', 'eddie-editor-password');
  await expect(editorPage.getByTestId('shell-role')).toHaveText('Editor');
  await editorPage.goto('/settings/tokens');
  await expect(editorPage.getByText('Not available for your role')).toBeVisible();
  await editorContext.close();
});

test('an owner creates an API token (shown once), uses it, and revokes it', async ({ page, request }) => {
  await signIn(page);
  await page.goto('/settings/tokens');
  await page.getByLabel('Name').fill('MDM policy sync');
  await page.getByRole('checkbox', { name: /templates:read/ }).check();
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByTestId('new-token-value').textContent())?.trim() ?? '';
  expect(token).toMatch(/^plt_[0-9A-Za-z]{40}$/);
  await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible();

  const row = page.getByTestId('token-MDM policy sync');
  await expect(row).toContainText('templates:read');
  await expect(row).toContainText(token.slice(0, 12));
  expect(await page.content()).toContain(token); // shown now…
  await page.reload();
  expect(await page.content()).not.toContain(token); // …and never again

  const ok = await request.get('/api/v1/templates', { headers: { Authorization: `Bearer ${token}` } });
  expect(ok.status()).toBe(200);
  await page.reload();
  await expect(row).not.toContainText('Never');

  page.once('dialog', (dialog) => dialog.accept());
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toContainText('Revoked');
  const revoked = await request.get('/api/v1/templates', { headers: { Authorization: `Bearer ${token}` } });
  expect(revoked.status()).toBe(401);
  expect((await revoked.json()).error.code).toBe('unauthorized');

  await page.goto('/audit-log');
  await expect(page.locator('tr[data-action="token.created"]')).toHaveCount(1);
  await expect(page.locator('tr[data-action="token.revoked"]')).toHaveCount(1);
  await expect(page.locator('tr[data-action="member.added"]')).toHaveCount(1);
});

test('sign out returns to the login page and the console is closed again', async ({ page }) => {
  await signIn(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/login/);
});
