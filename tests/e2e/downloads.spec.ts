import { readFile } from 'node:fs/promises';
import { type APIRequestContext, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { assignTeamTemplate, createTeam, createTemplate, expect, saveVersion, test, unique } from './fixtures';

/** An autopilot template at version 2 that also trusts `npm *` and ignores `dist/`. */
async function downloadableTemplate(api: APIRequestContext) {
  const template = await createTemplate(api, { name: unique('Payments policy'), preset: 'autopilot-development' });
  const current = (await (await api.get(`/api/v1/templates/${template.id}`)).json()) as { settings: { trustedCommands: string[]; gitignore: string[] } };
  const settings = { ...current.settings, trustedCommands: [...current.settings.trustedCommands, 'npm *'], gitignore: [...current.settings.gitignore, 'dist/'] };
  await saveVersion(api, template.id, { settings, baseVersion: 1 });
  return template;
}

async function downloadFormat(page: Page, format: string) {
  await page.locator('summary').filter({ hasText: 'Download' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`a[data-format="${format}"]`).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

test('download every format of a template from the UI and check the saved files', async ({ page, api }) => {
  const template = await downloadableTemplate(api);
  await page.goto(`/policies/${template.id}`);
  await expect(page.getByRole('heading', { name: template.name })).toBeVisible();

  const ide = await downloadFormat(page, 'kiro-ide');
  expect(ide.name).toBe('kiro-ide.settings.json'); // four formats are settings.json: the download name tells them apart
  const ideJson = JSON.parse(ide.bytes.toString('utf8')) as Record<string, unknown>;
  expect(ideJson['kiroAgent.agentAutonomy']).toBe('Autopilot');
  expect(ideJson['kiroAgent.trustedCommands']).toContain('npm *');

  const project = await downloadFormat(page, 'kiro-project');
  expect(JSON.parse(project.bytes.toString('utf8'))).toMatchObject({ telemetry: { enabled: false }, usageStatisticsEnabled: false, autoAccept: false });

  const mcp = await downloadFormat(page, 'kiro-mcp');
  expect(JSON.parse(mcp.bytes.toString('utf8'))).toMatchObject({ mcpServers: { github: { command: 'npx', env: { GITHUB_TOKEN: '${GITHUB_TOKEN}' } } } });

  const claude = await downloadFormat(page, 'claude-code');
  expect(claude.name).toBe('managed-settings.json');
  expect(JSON.stringify(JSON.parse(claude.bytes.toString('utf8')).permissions.allow)).toMatch(/Bash\(npm[ :]\*\)/);

  const gemini = await downloadFormat(page, 'gemini-cli');
  expect(JSON.parse(gemini.bytes.toString('utf8'))).toMatchObject({ privacy: { usageStatisticsEnabled: false } });

  const global = await downloadFormat(page, 'kiro-global');
  expect(JSON.parse(global.bytes.toString('utf8'))).not.toHaveProperty('mcpServers');

  const gitignore = await downloadFormat(page, 'gitignore');
  expect(gitignore.bytes.toString('utf8').split('\n')).toEqual(expect.arrayContaining(['.env', '.kiro/settings.json', 'dist/']));

  const firewall = await downloadFormat(page, 'firewall');
  expect(firewall.bytes.toString('utf8')).toContain('prod.download.desktop.kiro.dev\n');

  const bundle = await downloadFormat(page, 'bundle');
  expect(bundle.name).toMatch(/^payments-policy-[0-9a-f]{6}-v2\.zip$/);
  const entries = unzipSync(new Uint8Array(bundle.bytes));
  const names = Object.keys(entries);
  const readme = names.find((n) => n.endsWith('README.md'));
  expect(readme).toBeDefined();
  expect(strFromU8(entries[readme!]!)).toMatch(/Windows/);
  expect(names.some((n) => n.endsWith('SHA256SUMS'))).toBe(true);

  // The same version downloads to the same bytes.
  const again = await downloadFormat(page, 'kiro-ide');
  expect(again.bytes.equals(ide.bytes)).toBe(true);

  // Each download is in the audit log, naming the template.
  // The viewer shows targets by name; its target filter finds this template's rows by id.
  await page.goto(`/audit-log?action=policy.downloaded&target=policy_template:${template.id}`);
  const rows = page.locator('tr[data-action="policy.downloaded"]');
  // Nine formats plus the repeat (a browser may revalidate the repeat with If-None-Match → 304, not logged).
  await expect(rows.nth(8)).toBeVisible();
  expect(await rows.count()).toBeLessThanOrEqual(10);
  await expect(rows.first()).toContainText('kiro-ide');
});

test('the download menu shows a curl command for automation', async ({ page, api }) => {
  const template = await createTemplate(api, { name: unique('Curl policy'), preset: 'supervised-production' });
  await page.goto(`/policies/${template.id}`);
  await page.locator('summary').filter({ hasText: 'Download' }).click();
  await page.getByLabel('From a script').selectOption('claude-code');
  const curl = page.getByTestId('curl-command');
  await expect(curl).toContainText('Authorization: Bearer $PILOTLIGHT_TOKEN');
  await expect(curl).toContainText(`/api/v1/templates/${template.id}/download?format=claude-code`);
  await expect(curl).toContainText('-o managed-settings.json');
});

test('a team download is the effective policy of that team', async ({ page, api }) => {
  const template = await downloadableTemplate(api);
  const team = await createTeam(api, unique('Payments'), 'production');
  await assignTeamTemplate(api, team.id, template.id);
  await page.goto(`/teams/${team.id}`);
  const claude = await downloadFormat(page, 'claude-code');
  const settings = JSON.parse(claude.bytes.toString('utf8'));
  // A production team: bypass mode is switched off.
  expect(settings.permissions.disableBypassPermissionsMode).toBe('disable');
});

test('import a file through the UI: preview with warnings, then save', async ({ page }) => {
  const name = unique('Imported from Claude');
  await page.goto('/policies');
  await page.getByRole('link', { name: 'Import a file' }).click();
  const file = JSON.stringify({ permissions: { allow: ['Bash(npm run test:*)', 'Bash(git diff)', 'WebFetch(domain:example.com)'], defaultMode: 'default' } }, null, 2);
  await page.getByLabel('Policy file', { exact: true }).setInputFiles({ name: 'managed-settings.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.getByLabel('New template name').fill(name);
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByTestId('import-format')).toContainText('Claude Code');
  await expect(preview.getByTestId('import-warnings')).toContainText('WebFetch(domain:example.com)');
  await expect(preview.getByTestId('import-settings')).toContainText('npm run test *');
  await expect(preview.locator('[data-testid="finding"][data-rule="broad-prefix"]')).toHaveCount(1);

  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByTestId('setting-trustedCommands')).toContainText('npm run test *');
  await expect(page.getByTestId('setting-trustedCommands')).toContainText('git diff');
});

test('a broken file is refused with its line and column, and nothing is saved', async ({ page }) => {
  const name = unique('Broken');
  await page.goto('/policies/import');
  await page.getByLabel('Policy file', { exact: true }).setInputFiles({ name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "kiroAgent.trustedCommands": ["npm test" "npm run lint"]\n}') });
  await page.getByLabel('New template name').fill(name);
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Invalid JSON' })).toContainText('line 2, column');
  await page.goto('/policies');
  await expect(page.getByRole('link', { name })).toHaveCount(0);
});
