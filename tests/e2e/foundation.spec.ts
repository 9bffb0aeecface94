import { randomBytes } from 'node:crypto';
import { adminCli, createMember, expect, ORGANIZATION, signIn, test, unique } from './fixtures';

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a wrong password shows an error and is recorded; the right one opens the console', async ({ page }) => {
    const email = `signin-${randomBytes(3).toString('hex')}@acme.test`;
    const password = 'a-correct-horse-password';
    await adminCli('create-user', '--email', email, '--password', password, '--role', 'owner', '--org', ORGANIZATION);

    await page.goto('/login');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('form', { name: 'Sign in' }).getByRole('alert')).toHaveText('The e-mail or password is wrong.');
    await expect(page).toHaveURL(/\/login/);

    await signIn(page, email, password);
    await expect(page.getByTestId('shell-organization')).toHaveText(ORGANIZATION);
    await expect(page.getByTestId('shell-role')).toHaveText('Owner');
    for (const area of ['Policies', 'Teams', 'Uploads', 'Dashboard', 'Reports', 'Audit log', 'Settings']) {
      await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: area })).toBeVisible();
    }

    await page.getByRole('link', { name: 'Audit log' }).click();
    const failed = page.locator('tr[data-action="auth.sign_in_failed"]').filter({ hasText: email });
    await expect(failed).toHaveCount(1);
    await expect(failed).toContainText('Sign-in failed');
    await expect(failed).toContainText('invalid_credentials');
    await expect(page.locator('tr[data-action="auth.sign_in"]').filter({ hasText: email })).toHaveCount(1);
  });

  test('sign out returns to the login page, and the old session cookie no longer opens the console', async ({ browser }) => {
    const member = await createMember(browser, 'editor');
    const before = await member.context.storageState();
    await member.page.getByRole('button', { name: 'Sign out' }).click();
    await expect(member.page).toHaveURL(/\/login/);
    await member.page.goto('/settings');
    await expect(member.page).toHaveURL(/\/login/);
    await member.context.close();

    // A copy of the cookie taken before signing out (a stolen one) is void too.
    const replay = await browser.newContext({ storageState: before });
    const page = await replay.newPage();
    await page.goto('/policies');
    await expect(page).toHaveURL(/\/login/);
    await replay.close();
  });

  test('a callback URL that points elsewhere is ignored after sign-in', async ({ page }) => {
    const email = `redirect-${randomBytes(3).toString('hex')}@acme.test`;
    await adminCli('create-user', '--email', email, '--password', 'a-correct-horse-password', '--role', 'auditor', '--org', ORGANIZATION);
    await page.goto('/login?callbackUrl=/%5Cevil.example/phish');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill('a-correct-horse-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('shell-user')).toContainText(email);
    expect(new URL(page.url()).hostname).toBe('localhost');
    expect(page.url()).not.toContain('evil.example');
  });
});

test('an owner invites a member, who joins through the link and then signs in with their role', async ({ page, browser }) => {
  const email = `eddie-${randomBytes(3).toString('hex')}@acme.test`;
  await page.goto('/settings');
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Members' }).click();
  const form = page.getByRole('form', { name: 'Invite a member' });
  await form.getByLabel('E-mail').fill(email);
  await form.getByLabel('Role').selectOption('EDITOR');
  await form.getByRole('button', { name: 'Create invitation' }).click();
  await expect(page.getByTestId('new-invitation')).toContainText(`Invitation created for ${email}.`);
  const link = (await page.getByTestId('new-invitation-link').textContent())?.trim() ?? '';

  const editorContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const editorPage = await editorContext.newPage();
  await editorPage.goto(link);
  const join = editorPage.getByRole('form', { name: 'Create your account' });
  await join.getByLabel('Your name').fill('Eddie Editor');
  await join.getByLabel('Password', { exact: true }).fill('eddie-editor-password');
  await join.getByLabel('Repeat the password').fill('eddie-editor-password');
  await join.getByRole('button', { name: 'Create account and join' }).click();
  await expect(editorPage.getByTestId('shell-role')).toHaveText('Editor');
  await editorPage.getByRole('button', { name: 'Sign out' }).click();
  await signIn(editorPage, email, 'eddie-editor-password');
  await expect(editorPage.getByTestId('shell-role')).toHaveText('Editor');
  await editorPage.goto('/settings/tokens');
  await expect(editorPage.getByText('Not available for your role')).toBeVisible();
  await editorContext.close();

  await page.goto('/settings/members');
  await expect(page.getByTestId(`member-${email}`)).toContainText('Editor');
  await page.goto('/audit-log');
  await expect(page.locator('tr[data-action="member.invited"]').filter({ hasText: email })).toHaveCount(1);
  await expect(page.locator('tr[data-action="invitation.accepted"]').filter({ hasText: email })).toHaveCount(1);
});

test('an owner creates an API token (shown once), uses it, and revokes it', async ({ page, request }) => {
  const name = unique('MDM policy sync');
  await page.goto('/settings/tokens');
  await page.getByLabel('Name').fill(name);
  await page.getByRole('checkbox', { name: /templates:read/ }).check();
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByTestId('new-token-value').textContent())?.trim() ?? '';
  expect(token).toMatch(/^plt_[0-9A-Za-z]{40}$/);
  await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible();

  const row = page.getByTestId(`token-${name}`);
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
  await expect(page.locator('tr[data-action="token.created"]').filter({ hasText: name })).toHaveCount(1);
  await expect(page.locator('tr[data-action="token.revoked"]').filter({ hasText: name })).toHaveCount(1);
});
