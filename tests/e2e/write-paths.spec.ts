import { createTeam, createTemplate, expect, saveVersion, test, unique } from './fixtures';

/** What is saved is what the admin saw (issue 8): the editor, the forms and the import. */

test('an invalid Raw JSON text blocks Save with the reason and survives switching views', async ({ page, api }) => {
  const template = await createTemplate(api, { name: unique('Raw JSON'), preset: 'autopilot-development' });
  await page.goto(`/policies/${template.id}/edit`);
  await page.getByRole('tab', { name: /Raw JSON/ }).click();
  const text = '{"mode":"supervised"\n"trustedCommands":["npm test"]}';
  await page.getByLabel('Settings JSON').fill(text);
  await page.getByLabel('Note for this version').fill('typed by hand');
  const save = page.getByRole('button', { name: 'Save new version' });
  await expect(save).toBeDisabled();
  await expect(page.getByTestId('save-blocker')).toContainText('syntax error');

  await page.getByRole('tab', { name: 'Form' }).click();
  await page.getByRole('tab', { name: /Raw JSON/ }).click();
  await expect(page.getByLabel('Settings JSON')).toHaveValue(text); // the admin's text, not a re-serialization

  await page.getByLabel('Settings JSON').fill('{"mode":"supervised","trustedCommands":["npm test"],"bogus":1}');
  await expect(save).toBeDisabled();
  await expect(page.getByTestId('save-blocker')).toContainText('bogus');

  await page.getByLabel('Settings JSON').fill('{"mode":"supervised","trustedCommands":["npm test"]}');
  await expect(save).toBeEnabled();
  await save.click();
  await expect(page.getByRole('heading', { name: 'Version 2' })).toBeVisible();
  const stored = (await (await api.get(`/api/v1/templates/${template.id}`)).json()) as { settings: Record<string, unknown> };
  expect(stored.settings).toEqual({ mode: 'supervised', trustedCommands: ['npm test'] });
});

test('a stale save re-applies the edit on the newer version: both changes are kept', async ({ page, api }) => {
  const template = await createTemplate(api, { name: unique('Rebase'), preset: 'autopilot-development' });
  await page.goto(`/policies/${template.id}/edit`);
  const trusted = page.getByTestId('field-trustedCommands');
  await trusted.getByLabel('Add trusted command').fill('make e2e-check');
  await trusted.getByRole('button', { name: 'Add' }).click();

  const current = (await (await api.get(`/api/v1/templates/${template.id}`)).json()) as { settings: { gitignore: string[] } };
  await saveVersion(api, template.id, { settings: { ...current.settings, gitignore: [...current.settings.gitignore, 'dist/'] }, baseVersion: 1 });

  await page.getByRole('button', { name: 'Save new version' }).click();
  await expect(page.getByTestId('save-conflict')).toBeVisible();
  await page.getByRole('button', { name: 'Re-apply my edit on version 2' }).click();
  await page.getByRole('button', { name: 'Save new version' }).click();
  await expect(page.getByRole('heading', { name: 'Version 3' })).toBeVisible();
  const stored = (await (await api.get(`/api/v1/templates/${template.id}`)).json()) as { settings: { gitignore: string[]; trustedCommands: string[] } };
  expect(stored.settings.trustedCommands).toContain('make e2e-check');
  expect(stored.settings.gitignore).toContain('dist/');
});

test('leaving the editor with unsaved edits asks first', async ({ page, api }) => {
  const template = await createTemplate(api, { name: unique('Unsaved'), preset: 'autopilot-development' });
  await page.goto(`/policies/${template.id}/edit`);
  await page.getByLabel('Note for this version').fill('half done');
  const dialog = page.waitForEvent('dialog');
  void page.close({ runBeforeUnload: true });
  expect((await dialog).type()).toBe('beforeunload');
  await (await dialog).dismiss();
});

test('the team form keeps Production after a duplicate slug, and the assignment shows the saved template', async ({ page, api }) => {
  const existing = await createTeam(api, unique('Taken'), 'development');
  const template = await createTemplate(api, { name: unique('Assigned'), preset: 'supervised-production' });
  await page.goto('/teams');
  const form = page.getByRole('form', { name: 'Create a team' });
  await form.getByLabel('Team name').fill('Another team');
  await form.getByLabel('Slug').fill(existing.slug);
  await form.getByRole('radio', { name: 'Production' }).check();
  await form.getByRole('button', { name: 'Create team' }).click();
  await expect(form.getByText(/already/i)).toBeVisible();
  await expect(form.getByRole('radio', { name: 'Production' })).toBeChecked();
  await expect(form.getByLabel('Slug')).toHaveValue(existing.slug);
  await expect(form.getByLabel('Team name')).toHaveValue('Another team');

  await page.goto(`/teams/${existing.id}`);
  const assign = page.getByRole('form', { name: 'Team template' });
  await assign.getByLabel('Team template').selectOption({ label: `${template.name} (latest v1)` });
  await assign.getByRole('button', { name: 'Save' }).click();
  await expect(assign.getByRole('status')).toHaveText('Team policy saved.');
  await expect(assign.getByLabel('Team template')).toHaveValue(template.id);
});

test('choosing another file clears the preview of the first', async ({ page }) => {
  await page.goto('/policies/import');
  const claude = JSON.stringify({ permissions: { allow: ['Bash(git diff)'] } });
  await page.getByLabel('Policy file', { exact: true }).setInputFiles({ name: 'managed-settings.json', mimeType: 'application/json', buffer: Buffer.from(claude) });
  await page.getByLabel('New template name').fill(unique('Previewed'));
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('import-preview')).toBeVisible();

  await page.getByLabel('Policy file', { exact: true }).setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"mcpServers":{}}') });
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);
});

test.describe('at phone width', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the sidebar collapses and the content uses the screen', async ({ page }) => {
    await page.goto('/policies');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav).toBeHidden();
    await page.getByRole('button', { name: /menu/i }).click();
    await expect(nav.getByRole('link', { name: 'Teams' })).toBeVisible();
    await nav.getByRole('link', { name: 'Teams' }).click();
    await expect(page).toHaveURL(/\/teams$/);
    const main = await page.locator('main').boundingBox();
    expect(main!.width).toBeGreaterThan(340);
  });
});
