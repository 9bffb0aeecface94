import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { SAMPLES_DIR } from '../helpers/samples';

// The audit report over the shared sample files: generated from the Reports page, opened as the
// printable view, downloaded as PDF and CSV, and listed as recently generated.
const FROM = '2026-10-27';
const TO = '2026-11-09';

test.beforeEach(async ({ api }) => {
  for (const file of ['telemetry.ndjson', 'prompt-log-chat.json', 'prompt-log-inline.json.gz', 'user-activity.csv']) {
    const response = await api.post('/api/v1/uploads', { data: readFileSync(path.join(SAMPLES_DIR, file)), headers: { 'X-Filename': file } });
    expect(response.status(), await response.text()).toBe(201);
  }
});

test('generate a report, open the printable view, download the PDF and the CSV', async ({ page, account }, testInfo) => {
  await page.goto('/reports');
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await page.getByLabel('Period').selectOption('custom');
  await page.getByLabel('From').fill(FROM);
  await page.getByLabel('To').fill(TO);
  await page.getByLabel('Format').selectOption('html');
  await page.getByRole('button', { name: 'Generate report' }).click();

  // The printable view: the report alone, no console navigation.
  await expect(page).toHaveURL(/\/reports\/audit\?/);
  await expect(page.getByRole('heading', { name: /^Audit report — / , level: 1 })).toBeVisible();
  for (const title of ['1. Policy in force', '2. What happened', '3. Findings', '4. Integrity']) await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  await expect(page.getByTestId('shell-user')).toHaveCount(0);
  await expect(page.getByText(/Dangerous commands executed: [1-9]/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('report-screen.png'), fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('link', { name: 'Download PDF' })).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('report-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
  expect(pdf.suggestedFilename()).toBe(`audit-report-organization-${FROM}-${TO}.pdf`);
  const pdfPath = testInfo.outputPath('report.pdf');
  await pdf.saveAs(pdfPath);
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath]).toString())?.[1]);
  expect(pages).toBeGreaterThanOrEqual(5);
  const text = execFileSync('pdftotext', [pdfPath, '-']).toString();
  expect(text).toContain('Contents');
  expect(text).toContain(`Page ${pages} of ${pages}`);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', pdfPath, testInfo.outputPath('report-pdf-page')]);

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
  const csvPath = testInfo.outputPath('report.csv');
  await csv.saveAs(csvPath);
  const bytes = readFileSync(csvPath);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csvText = bytes.toString('utf8');
  expect(csvText).toContain('section,kind,time,team,actor,subject');
  expect(csvText).toMatch(/\r\nfindings,series,/);

  // The reports generated just now are listed with who generated them.
  await page.goto('/reports');
  const recent = page.getByRole('table', { name: 'Recently generated reports' });
  await expect(recent.getByRole('row').filter({ hasText: `${FROM} – ${TO}` }).filter({ hasText: account.email }).first()).toBeVisible();
});

test('a refused period comes back to the form with the message and the input kept', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/reports');
  await page.getByLabel('Period').selectOption('custom');
  await page.getByLabel('From').fill(TO);
  await page.getByLabel('To').fill(FROM);
  await page.getByLabel('Format').selectOption('pdf');
  await page.getByRole('button', { name: 'Generate report' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '`from` is after `to`.' })).toBeVisible();
  await expect(page.getByLabel('From')).toHaveValue(TO);
  await expect(page.getByLabel('To')).toHaveValue(FROM);
  await expect(page.getByLabel('Format')).toHaveValue('pdf');
  await expect(page.getByLabel('Period')).toHaveValue('custom');
});
