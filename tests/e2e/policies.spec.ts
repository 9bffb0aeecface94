import { createTemplate, expect, saveVersion, test, unique } from './fixtures';

test('create from a preset, edit, see the lint finding appear, save, and view the diff', async ({ page }) => {
  const name = unique('Payments policy');
  await page.goto('/policies');
  await page.getByRole('link', { name: 'New template' }).first().click();
  await page.getByLabel('Name').fill(name);
  await page.getByRole('radio', { name: /Autopilot \(development\)/ }).check();
  await page.getByRole('button', { name: 'Create template' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
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
  await expect(page.getByTestId(`template-${name}`)).toContainText('v2');
  await expect(page.getByTestId(`template-${name}`)).toContainText('Medium risk');
});

test('a stale edit is refused with the newer version offered for review', async ({ page, api }) => {
  const template = await createTemplate(api, { name: unique('Stale edit'), preset: 'autopilot-development' });
  await page.goto(`/policies/${template.id}/edit`);
  await expect(page.getByRole('button', { name: 'Save new version' })).toBeVisible();

  // Meanwhile another admin saves version 2.
  const current = (await (await api.get(`/api/v1/templates/${template.id}`)).json()) as { settings: Record<string, unknown> };
  await saveVersion(api, template.id, { settings: { ...current.settings, gitignore: ['dist/'] }, baseVersion: 1 });

  await page.getByTestId('field-gitignore').getByLabel('Add .gitignore entry').fill('build/');
  await page.getByTestId('field-gitignore').getByRole('button', { name: 'Add' }).click();
  await page.getByRole('button', { name: 'Save new version' }).click();
  await expect(page.getByText(/Version 2 was saved after version 1/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'See what changed in version 2' })).toBeVisible();
});

test('assign a template to a new team and see the effective policy with provenance', async ({ page, api }) => {
  const template = await createTemplate(api, { name: unique('Team policy'), preset: 'autopilot-development' });
  const teamName = unique('Payments');
  await page.goto('/teams');
  const form = page.getByRole('form', { name: 'Create a team' });
  await form.getByLabel('Team name').fill(teamName);
  await expect(form.getByLabel('Slug')).toHaveValue(teamName.toLowerCase().replace(' ', '-'));
  await form.getByRole('radio', { name: 'Production' }).check();
  await form.getByRole('button', { name: 'Create team' }).click();
  await expect(page.getByRole('heading', { name: teamName })).toBeVisible();

  // Before any policy: everything comes from the built-in defaults.
  await expect(page.getByTestId('setting-mode')).toHaveAttribute('data-origin', 'default');

  const assign = page.getByRole('form', { name: 'Team template' });
  await assign.getByLabel('Team template').selectOption({ label: `${template.name} (latest v1)` });
  await assign.getByRole('button', { name: 'Save' }).click();
  await expect(assign.getByRole('status')).toHaveText('Team policy saved.');
  await expect(page.getByTestId('setting-mode')).toHaveAttribute('data-origin', 'team');
  await expect(page.getByTestId('setting-trustedCommands')).toContainText('npm test');
  await expect(page.getByTestId('setting-sandbox')).toHaveAttribute('data-origin', 'team');
  // A production team: autopilot and the unsandboxed shell are findings.
  // (The finding is listed with the policy and again next to its field.)
  await expect(page.locator('[data-testid="finding"][data-rule="production-autopilot"]').first()).toBeVisible();

  const project = page.getByRole('form', { name: 'Add a project' });
  await project.getByLabel('Project slug').fill('checkout');
  await project.getByRole('tab', { name: /Raw JSON/ }).click();
  await project.getByLabel('Settings JSON').fill('{"sandbox": "docker", "mode": "supervised"}');
  await project.getByRole('button', { name: 'Add project' }).click();
  await expect(project.getByRole('status')).toHaveText('Overrides of project checkout saved.');
  await page.getByRole('link', { name: 'Project checkout' }).click();
  await expect(page.getByTestId('setting-sandbox')).toHaveAttribute('data-origin', 'project');
  await expect(page.getByTestId('setting-mode')).toHaveAttribute('data-origin', 'project');
  await expect(page.getByTestId('setting-trustedCommands')).toHaveAttribute('data-origin', 'team');
  await expect(page.getByTestId('setting-network.allowedDomains')).toHaveAttribute('data-origin', 'team');
  await expect(page.getByTestId('setting-autoAccept')).toContainText('Off');
});
