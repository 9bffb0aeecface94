import { randomBytes } from 'node:crypto';
import { expect, test, unique } from './fixtures';

// The uploads page as an admin uses it: several files dropped at once, each with its own progress
// and result, then one opened and deleted. The files are made here with ids no other spec (or an
// earlier run against the same server) uses, so the counts are exact although every spec shares
// one organization.

function telemetryNdjson(prefix: string, count: number): string {
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({ id: `${prefix}-${i}`, timestamp: `2026-11-0${1 + (i % 5)}T10:${String(i % 60).padStart(2, '0')}:00Z`, user: `e2e-${i % 7}@example.com`, kind: 'feature_used', feature: 'chat', client: 'kiro-ide', os: 'linux' }),
  );
  // One invalid record (no timestamp) on line count + 1, so the result names a record number.
  lines.push(JSON.stringify({ id: `${prefix}-bad`, kind: 'feature_used', feature: 'chat' }));
  return `${lines.join('\n')}\n`;
}

function telemetryCsv(prefix: string, count: number): string {
  const rows = Array.from({ length: count }, (_, i) => `${prefix}-${i},2026-11-02T09:${String(i % 60).padStart(2, '0')}:00Z,command_executed,e2e-csv@example.com,npm test,auto`);
  return `id,timestamp,kind,user,command,decision\r\n${rows.join('\r\n')}\r\n`;
}

test('several files dropped at once each show progress and a result; one is opened and deleted', async ({ page }) => {
  const tag = randomBytes(4).toString('hex');
  const ndjsonName = `${unique('events').replace(' ', '-')}.ndjson`;
  const csvName = `${unique('commands').replace(' ', '-')}.csv`;
  await page.goto('/uploads');
  await expect(page.getByRole('heading', { name: 'Uploads', level: 1 })).toBeVisible();

  // A real drop: a DataTransfer with both files, dispatched on the drop zone.
  const files = [
    { name: ndjsonName, type: 'application/x-ndjson', text: telemetryNdjson(`e2e-${tag}-n`, 1200) },
    { name: csvName, type: 'text/csv', text: telemetryCsv(`e2e-${tag}-c`, 40) },
  ];
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const file of list) transfer.items.add(new File([file.text], file.name, { type: file.type }));
    return transfer;
  }, files);
  await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer });

  const ndjson = page.getByTestId(`upload-${ndjsonName}`);
  const csv = page.getByTestId(`upload-${csvName}`);
  await expect(ndjson.getByRole('progressbar')).toBeVisible();
  await expect(csv.getByRole('progressbar')).toBeVisible();
  await expect(ndjson.getByTestId('upload-phase')).toHaveText('done', { timeout: 30_000 });
  await expect(csv.getByTestId('upload-phase')).toHaveText('done', { timeout: 30_000 });
  await expect(ndjson.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');

  const ndjsonCounts = ndjson.getByTestId('upload-counts');
  await expect(ndjsonCounts).toContainText('telemetry-ndjson');
  await expect(ndjsonCounts).toContainText('1200 accepted');
  await expect(ndjsonCounts).toContainText('1 rejected');
  // The rejected record is named by its line number and reason.
  await expect(ndjsonCounts.getByRole('row', { name: /1201/ })).toContainText(/timestamp/i);
  const csvCounts = csv.getByTestId('upload-counts');
  await expect(csvCounts).toContainText('telemetry-csv');
  await expect(csvCounts).toContainText('40 accepted');
  await expect(csvCounts).toContainText('0 rejected');

  // Both are in the list of past uploads (the page refreshed itself).
  const listed = page.getByTestId(`past-upload-${csvName}`);
  await expect(listed).toBeVisible();
  await expect(page.getByTestId(`past-upload-${ndjsonName}`)).toContainText('completed');

  // Dropping the same file again stores nothing new and says so.
  const again = await page.evaluateHandle((file) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([file.text], file.name, { type: file.type }));
    return transfer;
  }, files[1]!);
  await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer: again });
  const repeat = page.getByTestId(`upload-${csvName}`).first();
  await expect(repeat.getByTestId('upload-phase')).toHaveText('done', { timeout: 30_000 });
  await expect(repeat.getByTestId('upload-counts')).toContainText('40 duplicates');

  // Open the first CSV upload (the one that stored records) from its result: its records are there.
  await page.getByTestId(`upload-${csvName}`).last().getByRole('link', { name: 'Open this upload' }).click();
  await expect(page.getByRole('heading', { name: csvName, level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'First records' }).locator('tbody tr')).toHaveCount(20);
  await expect(page.getByRole('table', { name: 'First records' })).toContainText('npm test');

  // Delete it (after confirming): back on the list, it is gone, the other upload stays.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('form', { name: `Delete ${csvName}` }).getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/\/uploads$/);
  await expect(page.getByTestId(`past-upload-${csvName}`)).toHaveCount(1); // the duplicate-only upload remains
  await expect(page.getByTestId(`past-upload-${ndjsonName}`)).toBeVisible();
});

test('a file that is not a log is refused with the formats accepted, and listed as failed with the reason', async ({ page }) => {
  const name = `${randomBytes(4).toString('hex')}.png`;
  await page.goto('/uploads');
  await page.getByLabel('Files to upload').setInputFiles({ name, mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]) });
  const item = page.getByTestId(`upload-${name}`);
  await expect(item.getByTestId('upload-phase')).toHaveText('failed', { timeout: 30_000 });
  await expect(item).toContainText(/not a file Pilotlight reads.*NDJSON/);
  const listed = page.getByTestId(`past-upload-${name}`);
  await expect(listed).toContainText('failed');
  await expect(listed).toContainText('not a file Pilotlight reads');
  await listed.getByRole('link', { name }).click();
  await expect(page.getByTestId('upload-failure')).toContainText('not a file Pilotlight reads');
  await expect(page.getByText('Nothing stored: the upload was refused.')).toBeVisible();
});
