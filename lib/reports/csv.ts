/**
 * CSV for the audit report and the audit-log export: RFC 4180 (CRLF, quoted cells), UTF-8 with a
 * BOM so spreadsheets pick the right encoding, and formula injection neutralised — a cell that a
 * spreadsheet would evaluate (starting with =, +, -, @, tab or CR) gets a leading apostrophe.
 * Pure, so the report renderer and the audit-log export share it.
 */

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Makes one cell safe to open in a spreadsheet and valid RFC 4180. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  // Numbers are data, not formulas: -3 must stay a number a spreadsheet can sum.
  let text = String(value);
  if (typeof value !== 'number' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV document: header row, then rows, CRLF line ends, BOM first. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
