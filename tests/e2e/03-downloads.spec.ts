import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { signIn } from './helpers';

test.describe.configure({ mode: 'serial' });

async function openTemplate(page: Page, name: string) {
  await page.goto('/policies');
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

async function downloadFormat(page: Page, format: string) {
  await page.locator('summary').filter({ hasText: 'Download' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`a[data-format="${format}"]`).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

test('download every format of a template from the UI and check the saved files', async ({ page }) => {
  await signIn(page);
  await openTemplate(page, 'Payments policy');

  const ide = await downloadFormat(page, 'kiro-ide');
  expect(ide.name).toBe('settings.json');
  const ideJson = JSON.parse(ide.bytes.toString('utf8')) as Record<string, unknown>;
  expect(ideJson['kiroAgent.agentAutonomy']).toBe('Autopilot');
  expect(ideJson['kiroAgent.trustedCommands']).toContain('npm *');

  const project = await downloadFormat(page, 'kiro-project');
  expect(JSON.parse(project.bytes.toString('utf8'))).toMatchObject({ telemetry: { enabled: false }, usageStatisticsEnabled: false, autoAccept: false });

  const mcp = await downloadFormat(page, 'kiro-mcp');
  expect(JSON.parse(mcp.bytes.toString('utf8'))).toMatchObject({ mcpServers: { github: { command: 'npx', env: { GITHUB_TOKEN: '${GITHUB_TOKEN}' } } } });

  const claude = await downloadFormat(page, 'claude-code');
  expect(claude.name).toBe('managed-settings.json');
  expect(JSON.parse(claude.bytes.toString('utf8')).permissions.allow).toContain('Bash(npm:*)');

  const gemini = await downloadFormat(page, 'gemini-cli');
  expect(JSON.parse(gemini.bytes.toString('utf8'))).toMatchObject({ privacy: { usageStatisticsEnabled: false } });

  const global = await downloadFormat(page, 'kiro-global');
  expect(JSON.parse(global.bytes.toString('utf8'))).not.toHaveProperty('mcpServers');

  const gitignore = await downloadFormat(page, 'gitignore');
  expect(gitignore.bytes.toString('utf8').split('\n')).toEqual(expect.arrayContaining(['.env', '.kiro/settings.json', 'dist/']));

  const firewall = await downloadFormat(page, 'firewall');
  expect(firewall.bytes.toString('utf8')).toContain('prod.download.desktop.kiro.dev\n');

  const bundle = await downloadFormat(page, 'bundle');
  expect(bundle.name).toBe('payments-policy-v3.zip');
  const entries = unzipSync(new Uint8Array(bundle.bytes));
  const names = Object.keys(entries);
  const readme = names.find((n) => n.endsWith('README.md'));
  expect(readme).toBeDefined();
  expect(strFromU8(entries[readme!]!)).toMatch(/Windows/);
  expect(names.some((n) => n.endsWith('SHA256SUMS'))).toBe(true);

  // The same version downloads to the same bytes.
  const again = await downloadFormat(page, 'kiro-ide');
  expect(again.bytes.equals(ide.bytes)).toBe(true);

  // Each download is in the audit log.
  await page.goto('/audit-log');
  // Nine formats plus the repeat (a browser may revalidate the repeat with If-None-Match → 304, not logged).
  await expect(page.locator('tr[data-action="policy.downloaded"]').nth(8)).toBeVisible();
  expect(await page.locator('tr[data-action="policy.downloaded"]').count()).toBeLessThanOrEqual(10);
  await expect(page.locator('tr[data-action="policy.downloaded"]').first()).toContainText('kiro-ide');
});

test('the download menu shows a curl command for automation', async ({ page }) => {
  await signIn(page);
  await openTemplate(page, 'Payments policy');
  await page.locator('summary').filter({ hasText: 'Download' }).click();
  await page.getByLabel('From a script').selectOption('claude-code');
  const curl = page.getByTestId('curl-command');
  await expect(curl).toContainText('Authorization: Bearer $PILOTLIGHT_TOKEN');
  await expect(curl).toContainText(/\/api\/v1\/templates\/[0-9a-f-]{36}\/download\?format=claude-code/);
  await expect(curl).toContainText('-o managed-settings.json');
});

test('a team download is the effective policy of that team', async ({ page }) => {
  await signIn(page);
  await page.goto('/teams');
  await page.getByRole('link', { name: 'Payments', exact: true }).click();
  const claude = await downloadFormat(page, 'claude-code');
  const settings = JSON.parse(claude.bytes.toString('utf8'));
  // A production team: bypass mode is switched off.
  expect(settings.permissions.disableBypassPermissionsMode).toBe('disable');
});

test('import a file through the UI: preview with warnings, then save', async ({ page }) => {
  await signIn(page);
  await page.goto('/policies');
  await page.getByRole('link', { name: 'Import a file' }).click();
  const file = JSON.stringify({ permissions: { allow: ['Bash(npm run test:*)', 'Bash(git diff)', 'WebFetch(domain:example.com)'], defaultMode: 'default' } }, null, 2);
  await page.getByLabel('Policy file', { exact: true }).setInputFiles({ name: 'managed-settings.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.getByLabel('New template name').fill('Imported from Claude');
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByTestId('import-format')).toContainText('Claude Code');
  await expect(preview.getByTestId('import-warnings')).toContainText('WebFetch(domain:example.com)');
  await expect(preview.getByTestId('import-settings')).toContainText('npm run test *');
  await expect(preview.locator('[data-testid="finding"][data-rule="broad-prefix"]')).toHaveCount(1);

  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Imported from Claude' })).toBeVisible();
  await expect(page.getByTestId('setting-trustedCommands')).toContainText('npm run test *');
  await expect(page.getByTestId('setting-trustedCommands')).toContainText('git diff');
});

test('a broken file is refused with its line and column, and nothing is saved', async ({ page }) => {
  await signIn(page);
  await page.goto('/policies/import');
  await page.getByLabel('Policy file', { exact: true }).setInputFiles({ name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "kiroAgent.trustedCommands": ["npm test",]\n}') });
  await page.getByLabel('New template name').fill('Broken');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Invalid JSON' })).toContainText('line 2, column');
  await page.goto('/policies');
  await expect(page.getByRole('link', { name: 'Broken' })).toHaveCount(0);
});
