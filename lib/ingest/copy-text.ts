/**
 * Values in PostgreSQL's COPY text format (tab-separated, `\N` for NULL, backslash escapes),
 * which is what lib/ingest streams into the staging tables.
 */
export type CopyValue = string | number | boolean | null | undefined | Date | readonly string[];

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_G = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeText(text: string): string {
  // NUL cannot be stored in text columns at all.
  const clean = text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
  return SPECIAL.test(clean) ? clean.replace(SPECIAL_G, (ch) => ESCAPES[ch]!) : clean;
}

/** An array literal: {"a","b"} with quotes and backslashes escaped inside elements. */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replaceAll('\u0000', '').replace(/["\\]/g, (ch) => `\\${ch}`)}"`).join(',')}}`;
}

export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  return escapeText(arrayLiteral(value as readonly string[]));
}

export function copyLine(values: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += '\t';
    line += copyField(values[i]);
  }
  return `${line}\n`;
}
