import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test.describe.configure({ mode: 'serial' });

const TEMPLATE = 'Payments policy';

test('create from a preset, edit, see the lint finding appear, save, and view the diff', async ({ page }) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Policies' }).click();
  await page.getByRole('link', { name: 'New template' }).first().click();
  await page.getByLabel('Name').fill(TEMPLATE);
  await page.getByRole('radio', { name: /Autopilot \(development\)/ }).check();
  await page.getByRole('button', { name: 'Create template' }).click();
  await expect(page.getByRole('heading', { name: TEMPLATE })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Version 1' })).toBeVisible();
  await expect(page.getByTestId('setting-trustedCommands')).toContainText('npm test');

  await page.getByRole('link', { name: 'Edit' }).click();
  const trusted = page.getByTestId('field-trustedCommands');
  await expect(page.getByTestId('finding')).toHaveCount(0);
  await trusted.getByLabel('Add trusted command').fill('npm *');
  await trusted.getByRole('button', { name: 'Add' }).click();
  await expect(trusted.getByTestId('list-entry').filter({ hasText: 'npm *' })).toHaveCount(1);
  // Live lint, before saving: the prefix also trusts chained commands.
  await expect(page.locator('[data-testid="finding"][data-rule="broad-prefix"]')).toHaveCount(1);
  await expect(trusted).toContainText(/chained/i);

  await page.getByLabel('Note for this version').fill('Let the agent run any npm script');
  await page.getByRole('button', { name: 'Save new version' }).click();
  await expect(page).toHaveURL(/\/policies\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: 'Version 2' })).toBeVisible();
  await expect(page.locator('[data-testid="finding"][data-rule="broad-prefix"]')).toHaveCount(1);

  await page.getByRole('link', { name: 'Changes from v1' }).click();
  const change = page.getByTestId('change-trustedCommands');
  await expect(change).toContainText('+ npm *');
  await expect(change).toHaveAttribute('data-kind', 'list');

  await page.goto('/policies');
  await expect(page.getByTestId(`template-${TEMPLATE}`)).toContainText('v2');
  await expect(page.getByTestId(`template-${TEMPLATE}`)).toContainText('Medium risk');
});

test('a stale edit is refused with the newer version offered for review', async ({ page, browser }) => {
  await signIn(page);
  await page.goto('/policies');
  await page.getByRole('link', { name: TEMPLATE }).click();
  await expect(page).toHaveURL(/\/policies\/[0-9a-f-]{36}$/);
  const templateUrl = page.url();
  await page.goto(`${templateUrl}/edit`);

  const other = await (await browser.newContext()).newPage();
  await signIn(other);
  await other.goto(`${templateUrl}/edit`);
  await other.getByTestId('field-gitignore').getByLabel('Add .gitignore entry').fill('dist/');
  await other.getByTestId('field-gitignore').getByRole('button', { name: 'Add' }).click();
  await other.getByRole('button', { name: 'Save new version' }).click();
  await expect(other).toHaveURL(/\/policies\/[0-9a-f-]{36}$/);

  await page.getByTestId('field-gitignore').getByLabel('Add .gitignore entry').fill('build/');
  await page.getByTestId('field-gitignore').getByRole('button', { name: 'Add' }).click();
  await page.getByRole('button', { name: 'Save new version' }).click();
  await expect(page.getByText(/Version 3 was saved after version 2/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'See what changed in version 3' })).toBeVisible();
});

test('assign the template to a team and see the effective policy with provenance', async ({ page }) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Teams' }).click();
  const form = page.getByRole('form', { name: 'Create a team' });
  await form.getByLabel('Team name').fill('Payments');
  await expect(form.getByLabel('Slug')).toHaveValue('payments');
  await form.getByRole('radio', { name: 'Production' }).check();
  await form.getByRole('button', { name: 'Create team' }).click();
  await expect(page.getByRole('heading', { name: /Payments/ })).toBeVisible();

  // Before any policy: everything comes from the built-in defaults.
  await expect(page.getByTestId('setting-mode')).toHaveAttribute('data-origin', 'default');

  const assign = page.getByRole('form', { name: 'Team template' });
  await assign.getByLabel('Team template').selectOption({ label: `${TEMPLATE} (latest v3)` });
  await assign.getByRole('button', { name: 'Save' }).click();
  await expect(assign.getByRole('status')).toHaveText('Team policy saved.');
  await expect(page.getByTestId('setting-mode')).toHaveAttribute('data-origin', 'team');
  await expect(page.getByTestId('setting-trustedCommands')).toContainText('npm *');
  await expect(page.getByTestId('setting-sandbox')).toHaveAttribute('data-origin', 'team');
  // A production team: autopilot and the unsandboxed shell are findings.
  await expect(page.locator('[data-testid="finding"][data-rule="production-autopilot"]')).toHaveCount(1);

  const project = page.getByRole('form', { name: 'Add a project' });
  await project.getByLabel('Project slug').fill('checkout');
  await project.getByLabel(/Overrides/).fill('{"sandbox": "docker", "mode": "supervised"}');
  await project.getByRole('button', { name: 'Add project' }).click();
  await expect(project.getByRole('status')).toHaveText('Overrides of project checkout saved.');
  await page.getByRole('link', { name: 'Project checkout' }).click();
  await expect(page.getByTestId('setting-sandbox')).toHaveAttribute('data-origin', 'project');
  await expect(page.getByTestId('setting-mode')).toHaveAttribute('data-origin', 'project');
  await expect(page.getByTestId('setting-trustedCommands')).toHaveAttribute('data-origin', 'team');
  await expect(page.getByTestId('setting-network.allowedDomains')).toHaveAttribute('data-origin', 'team');
  await expect(page.getByTestId('setting-autoAccept')).toContainText('Off');
});
