import { createTeam, expect, test, unique } from './fixtures';

/** Team ingest keys in the console (issue 12), and the OTLP receiver of the real `npm start` behind them. */

const logs = (command: string) => JSON.stringify({
  resourceLogs: [{
    resource: { attributes: [{ key: 'service.name', value: { stringValue: 'claude-code' } }] },
    scopeLogs: [{
      logRecords: [{
        timeUnixNano: `${BigInt(Date.now()) * 1_000_000n}`,
        body: { stringValue: 'claude_code.tool_result' },
        attributes: [
          { key: 'event.name', value: { stringValue: 'tool_result' } },
          { key: 'tool_name', value: { stringValue: 'Bash' } },
          { key: 'success', value: { stringValue: 'true' } },
          { key: 'tool_parameters', value: { stringValue: JSON.stringify({ full_command: command }) } },
        ],
      }],
    }],
  }],
});

test('an admin creates a key on the team page, agents send with it, it is shown again, then revoked', async ({ page, api, playwright, baseURL }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const team = await createTeam(api, unique('Telemetry Team'), 'development');
  await page.goto(`/teams/${team.id}`);
  const section = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Telemetry ingest keys' }) });
  await expect(section.getByText('No ingest keys yet')).toBeVisible();
  await section.getByLabel('New key name').fill('laptops');
  await section.getByRole('button', { name: 'Create key' }).click();
  const shown = section.getByTestId('ingest-key-value').first();
  await expect(shown).toContainText(/pli_[0-9A-Za-z]{40}/);
  const key = /pli_[0-9A-Za-z]{40}/.exec((await shown.textContent()) ?? '')![0];
  await expect(shown).toContainText(`OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer ${key}`);
  await expect(section.getByLabel('New key name')).toHaveValue('laptops');

  // An agent (no console session, no API token) sends its telemetry with the key.
  const agent = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const sent = await agent.post('/api/otlp/v1/logs', { headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` }, data: logs('rm -rf /') });
  expect(sent.status(), await sent.text()).toBe(200);
  expect(await sent.json()).toEqual({});
  const inPath = await agent.post(`/api/otlp/k/${key}/v1/traces`, { headers: { 'Content-Type': 'application/json' }, data: '{}' });
  expect(inPath.status()).toBe(200);

  await page.reload();
  const item = page.getByRole('listitem', { name: 'Ingest key laptops' });
  await expect(item).toContainText(key.slice(0, 12));
  await expect(item).not.toContainText('Last used never');
  await item.getByRole('button', { name: 'Show key' }).click();
  await expect(item.getByTestId('ingest-key-value')).toContainText(key);

  page.once('dialog', (dialog) => void dialog.accept());
  await item.getByRole('button', { name: 'Revoke' }).click();
  await expect(item.getByText('revoked', { exact: true })).toBeVisible();
  const refused = await agent.post('/api/otlp/v1/logs', { headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` }, data: logs('ls') });
  expect(refused.status()).toBe(401);
  await agent.dispose();

  // The key's stream is listed with the uploads.
  const uploads = (await (await api.get('/api/v1/uploads')).json()) as { uploads: { format: string; team: { id: string } | null; accepted: number }[] };
  expect(uploads.uploads.find((u) => u.format === 'otlp' && u.team?.id === team.id)).toMatchObject({ accepted: 1 });
});
