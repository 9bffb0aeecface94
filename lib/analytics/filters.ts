import { z } from 'zod';
import { BadRequestError, ValidationError } from '@/lib/errors';
import { defaultBucket, type Bucket, type DateRange } from './prepare';
import { addDays, daysInclusive, isLocalDate, isTimeZone, todayIn } from './time';

/**
 * The filters of every chart, as they arrive in a URL (API query or console search params):
 * `from`/`to` inclusive days in `tz` (default UTC, last 7 days), team (id or slug), user, client,
 * bucket. Pure; the team is resolved against the organization by the queries.
 */
export const MAX_RANGE_DAYS = 400;
export const MAX_HOUR_RANGE_DAYS = 31;
export const PRESETS = { '24h': 2, '7d': 7, '30d': 30, '90d': 90 } as const;
export type Preset = keyof typeof PRESETS;

const text = (max: number) => z.string().trim().min(1).max(max).optional();

const querySchema = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  preset: z.enum(Object.keys(PRESETS) as [Preset, ...Preset[]], 'Use 24h, 7d, 30d or 90d.').optional(),
  tz: z.string().max(64).optional(),
  bucket: z.enum(['hour', 'day', 'week'], 'Use hour, day or week.').optional(),
  team: text(100),
  user: text(320),
  client: text(100),
});

export interface MetricsFilters {
  range: DateRange;
  bucket: Bucket;
  /** Team id or slug as given; resolved (and 404 for another organization's) by the queries. */
  team: string | null;
  user: string | null;
  client: string | null;
}

export type QueryInput = Record<string, string | string[] | undefined> | URLSearchParams;

function flatten(input: QueryInput): Record<string, string | undefined> {
  if (input instanceof URLSearchParams) return Object.fromEntries([...input.keys()].map((k) => [k, input.get(k) ?? undefined]));
  return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

/** Validates the filters; 400 with every problem (range over 400 days, hours over 31 days, bad dates or zone). */
export function parseFilters(input: QueryInput, now = Date.now()): MetricsFilters {
  const raw = flatten(input);
  const parsed = querySchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    throw new ValidationError('The filters are not valid.', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  const q = parsed.data;
  const tz = q.tz ?? 'UTC';
  if (!isTimeZone(tz)) throw new ValidationError('The filters are not valid.', [{ path: 'tz', message: `"${tz}" is not an IANA time zone (e.g. Europe/Berlin).` }]);
  for (const key of ['from', 'to'] as const) {
    const value = q[key];
    if (value !== undefined && !isLocalDate(value)) throw new ValidationError('The filters are not valid.', [{ path: key, message: 'Use a date as YYYY-MM-DD.' }]);
  }
  const today = todayIn(tz, now);
  let from: string;
  let to: string;
  if (q.from || q.to) {
    to = q.to ?? (q.from! > today ? q.from! : today);
    from = q.from ?? addDays(to, -6);
  } else {
    to = today;
    from = addDays(today, -(PRESETS[q.preset ?? '7d'] - 1));
  }
  if (from > to) throw new BadRequestError('`from` is after `to`.', { from, to }, 'invalid_range');
  const days = daysInclusive(from, to);
  if (days > MAX_RANGE_DAYS) throw new BadRequestError(`The range is ${days} days; at most ${MAX_RANGE_DAYS} days are allowed.`, { days, max: MAX_RANGE_DAYS }, 'range_too_long');
  const bucket = q.bucket ?? defaultBucket({ from, to });
  if (bucket === 'hour' && days > MAX_HOUR_RANGE_DAYS) {
    throw new BadRequestError(`Hourly buckets are available for ranges up to ${MAX_HOUR_RANGE_DAYS} days (this one is ${days}); use bucket=day or week.`, { days, max: MAX_HOUR_RANGE_DAYS }, 'range_too_long');
  }
  return { range: { from, to, tz }, bucket, team: q.team ?? null, user: q.user?.toLowerCase() ?? null, client: q.client ?? null };
}

/** The filters as URL search params (only what differs from the defaults). */
export function filtersToSearch(filters: Partial<Record<'from' | 'to' | 'preset' | 'tz' | 'bucket' | 'team' | 'user' | 'client', string | null>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const s = params.toString();
  return s ? `?${s}` : '';
}
