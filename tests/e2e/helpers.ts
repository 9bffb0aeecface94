import { expect, type Page } from '@playwright/test';

export const OWNER = { organization: 'Acme Robotics', name: 'Olivia Owner', email: 'olivia@acme.test', password: 'olivia-owner-password' };

export async function signIn(page: Page, email = OWNER.email, password = OWNER.password): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('shell-user')).toContainText(email);
}
