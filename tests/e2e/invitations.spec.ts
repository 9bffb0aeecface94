import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { adminCli, expect, ORGANIZATION, signIn, test } from './fixtures';

/** Issue 8, item 15: adding a member is an invitation the person accepts. */

async function invite(page: Page, email: string, role: 'EDITOR' | 'AUDITOR'): Promise<string> {
  await page.goto('/settings/members');
  const form = page.getByRole('form', { name: 'Invite a member' });
  await form.getByLabel('E-mail').fill(email);
  await form.getByLabel('Role').selectOption(role);
  await form.getByRole('button', { name: 'Create invitation' }).click();
  const created = page.getByTestId('new-invitation');
  await expect(created).toContainText(`Invitation created for ${email}.`);
  await expect(created.getByRole('button', { name: 'Copy' })).toBeVisible();
  const link = (await page.getByTestId('new-invitation-link').textContent())?.trim() ?? '';
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId(`invitation-${email}`)).toBeVisible();
  // Not a member until they accept.
  await expect(page.getByTestId(`member-${email}`)).toHaveCount(0);
  return link;
}

test('an owner invites a new address; the person sets their own password through the link and lands in the organization', async ({ page, browser }) => {
  const email = `newbie-${randomBytes(3).toString('hex')}@acme.test`;
  const link = await invite(page, email, 'AUDITOR');

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const invitee = await context.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole('heading', { name: `Join ${ORGANIZATION}` })).toBeVisible();
  const form = invitee.getByRole('form', { name: 'Create your account' });
  await form.getByLabel('Your name').fill('Nina Newbie');
  await form.getByLabel('Password', { exact: true }).fill('nina-newbie-password');
  // A typo in the repetition is caught before anything is sent.
  await form.getByLabel('Repeat the password').fill('nina-newbie-passw0rd');
  await expect(form.getByText('The two passwords differ.')).toBeVisible();
  await form.getByLabel('Repeat the password').fill('nina-newbie-password');
  await form.getByRole('button', { name: 'Create account and join' }).click();
  await expect(invitee.getByTestId('shell-user')).toContainText(email);
  await expect(invitee.getByTestId('shell-organization')).toHaveText(ORGANIZATION);
  await expect(invitee.getByTestId('shell-role')).toHaveText('Auditor');

  // The link is used up.
  await invitee.goto(link);
  await expect(invitee.getByTestId('invitation-unavailable')).toContainText('already been used');
  await context.close();

  await page.goto('/settings/members');
  await expect(page.getByTestId(`member-${email}`)).toContainText('Auditor');
  await expect(page.getByTestId(`invitation-${email}`)).toHaveCount(0);
  await page.goto('/audit-log');
  await expect(page.locator('tr[data-action="member.invited"]').filter({ hasText: email })).toHaveCount(1);
  await expect(page.locator('tr[data-action="invitation.accepted"]').filter({ hasText: email })).toHaveCount(1);
});

test('someone with an account elsewhere accepts on /invitations; a withdrawn link says so', async ({ page, browser }) => {
  const email = `elsewhere-${randomBytes(3).toString('hex')}@other.test`;
  const otherOrg = `Other ${randomBytes(3).toString('hex')}`;
  const password = 'elsewhere-user-password';
  await adminCli('create-user', '--email', email, '--password', password, '--role', 'owner', '--org', otherOrg);
  await invite(page, email, 'EDITOR');

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const person = await context.newPage();
  await signIn(person, email, password);
  await expect(person.getByTestId('shell-organization')).toHaveText(otherOrg);
  await person.getByTestId('shell-invitations').click();
  const received = person.getByTestId(`received-${ORGANIZATION}`);
  await expect(received).toContainText('Editor');
  await received.getByRole('button', { name: 'Accept and join' }).click();
  await expect(person).toHaveURL(/\/policies/);
  await expect(person.getByTestId('shell-role')).toHaveText('Editor');
  await expect(person.getByTestId('shell-identity').getByRole('combobox')).toHaveValue(/.+/);
  await expect(person.getByTestId('shell-identity').getByRole('combobox').locator('option:checked')).toHaveText(`${ORGANIZATION} (Editor)`);
  await context.close();

  await page.goto('/settings/members');
  await expect(page.getByTestId(`member-${email}`)).toContainText('Editor');

  // A withdrawn invitation's link explains itself.
  const withdrawn = `withdrawn-${randomBytes(3).toString('hex')}@acme.test`;
  const link = await invite(page, withdrawn, 'EDITOR');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId(`invitation-${withdrawn}`).getByRole('button', { name: 'Withdraw' }).click();
  await expect(page.getByTestId(`invitation-${withdrawn}`)).toHaveCount(0);
  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(link);
  await expect(strangerPage.getByTestId('invitation-unavailable')).toContainText('withdrawn');
  await stranger.close();
});
