/**
 * Calendar arithmetic in an IANA time zone without a date library: local dates are
 * `YYYY-MM-DD` strings, instants are epoch milliseconds, and Intl supplies the zone's offset.
 * Pure; safe on server and client.
 */
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

export function isTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(instant: number, tz: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of formatter(tz).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** The zone's offset from UTC at `instant`, in minutes (e.g. +60 for Berlin in winter). */
export function offsetMinutes(instant: number, tz: string): number {
  const p = localParts(instant, tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function isLocalDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function dateToUtcMs(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function utcMsToDate(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addDays(date: string, days: number): string {
  return utcMsToDate(dateToUtcMs(date) + days * DAY_MS);
}

/** Days from `from` to `to`, both included. */
export function daysInclusive(from: string, to: string): number {
  return Math.round((dateToUtcMs(to) - dateToUtcMs(from)) / DAY_MS) + 1;
}

/** The Monday of the ISO week holding `date`. */
export function mondayOf(date: string): string {
  const weekday = new Date(dateToUtcMs(date)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/**
 * The instant a local wall-clock time happens in `tz`: the earlier one when it happens twice
 * (clocks turned back), and the moment of the jump when it is skipped (clocks turned forward),
 * which is where such a day or hour really starts.
 */
export function zonedInstant(date: string, tz: string, hour = 0): number {
  const wall = dateToUtcMs(date) + hour * HOUR_MS;
  const before = wall - offsetMinutes(wall - DAY_MS, tz) * 60_000;
  const after = wall - offsetMinutes(wall + DAY_MS, tz) * 60_000;
  const matches = (instant: number) => {
    const p = localParts(instant, tz);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) === wall;
  };
  const valid = [before, after].filter(matches).sort((a, b) => a - b);
  return valid[0] ?? before;
}

/** The local date of an instant in `tz`. */
export function localDateOf(instant: number, tz: string): string {
  const p = localParts(instant, tz);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** `YYYY-MM-DDTHH:mm±HH:MM`: the local start of an hour bucket, unambiguous across DST. */
export function hourLabel(instant: number, tz: string): string {
  const p = localParts(instant, tz);
  const offset = offsetMinutes(instant, tz);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The instant of an hour label made by hourLabel(). */
export function parseHourLabel(label: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})([+-])(\d{2}):(\d{2})$/.exec(label);
  if (!m) return null;
  const [, y, mo, d, h, mi, sign, oh, om] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  const offset = (Number(oh) * 60 + Number(om)) * (sign === '-' ? -1 : 1);
  return wall - offset * 60_000;
}

export function todayIn(tz: string, now = Date.now()): string {
  return localDateOf(now, tz);
}

export const TIME = { DAY_MS, HOUR_MS } as const;
