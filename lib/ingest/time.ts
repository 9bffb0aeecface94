/**
 * Timestamps as the real files write them: ISO 8601 with seconds, and a fraction of any length
 * (prompt logs carry micro- and nanoseconds), `Z` or an offset. Stored to the millisecond.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Years outside this range are typos, and would create absurd monthly partitions. */
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

export function parseTimestamp(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const match = ISO.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '00', fraction = '', zone] = match as unknown as string[];
  const year = Number(y);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  const ms = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
  const base = Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const check = new Date(base);
  // Date.UTC rolls 2026-02-31 over to March: refuse instead.
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return null;
  let offsetMinutes = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  }
  return new Date(base - offsetMinutes * 60_000);
}

/** `MM-dd-yyyy` (Q Developer's activity report) or `yyyy-MM-dd` (Kiro's) → a UTC date at midnight. */
export function parseReportDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{2})-(\d{2})-(\d{4})$/.exec(text) ?? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (match) {
    [m, d, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) return null;
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (y < MIN_YEAR || y > MAX_YEAR) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : null;
}

/** First day (UTC) of the month holding `date`, as YYYY-MM-01: the partition it belongs to. */
export function monthOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-01`;
}
