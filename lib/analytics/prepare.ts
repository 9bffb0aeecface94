import { percentileFromBuckets } from '@/lib/ingest/latency';
import { addDays, daysInclusive, hourLabel, localDateOf, mondayOf, TIME, zonedInstant } from './time';

/**
 * Pure functions between the queries and the charts: bucket lists in a time zone (days of 23 and
 * 25 hours included), gap filling (0 for counts, null for averages and percentiles: a gap, not a
 * zero), percentiles from the log-scale latency histogram, top-N categories and the change
 * against the previous period. No I/O; unit-tested in tests/unit/analytics.
 */
export type Bucket = 'hour' | 'day' | 'week';

export interface Point {
  x: string;
  y: number | null;
}
export interface Series {
  name: string;
  data: Point[];
}

export interface DateRange {
  /** Inclusive local days in `tz`. */
  from: string;
  to: string;
  tz: string;
}

export interface BucketSlot {
  /** The label: `YYYY-MM-DD` for day and week (the Monday), `YYYY-MM-DDTHH:mm±hh:mm` for hours. */
  x: string;
  start: number;
  end: number;
}

/** The instants the range covers: local midnight of `from` to local midnight after `to`. */
export function rangeInstants(range: DateRange): { start: number; end: number } {
  return { start: zonedInstant(range.from, range.tz), end: zonedInstant(addDays(range.to, 1), range.tz) };
}

/** Every bucket of the range, in order. Weeks start on Monday and may begin before `from`. */
export function bucketSlots(range: DateRange, bucket: Bucket): BucketSlot[] {
  const slots: BucketSlot[] = [];
  if (bucket === 'hour') {
    const { start, end } = rangeInstants(range);
    // Whole hours of the zone: a 30-minute zone's hours start at :30 UTC, which the stepping keeps.
    for (let t = start; t < end; t += TIME.HOUR_MS) slots.push({ x: hourLabel(t, range.tz), start: t, end: Math.min(t + TIME.HOUR_MS, end) });
    return slots;
  }
  const step = bucket === 'day' ? 1 : 7;
  const first = bucket === 'day' ? range.from : mondayOf(range.from);
  for (let day = first; day <= range.to; day = addDays(day, step)) {
    slots.push({ x: day, start: zonedInstant(day, range.tz), end: zonedInstant(addDays(day, step), range.tz) });
  }
  return slots;
}

/** The bucket label of an instant (for rows a query grouped by time). */
export function bucketLabelOfInstant(instant: number, bucket: Bucket, tz: string): string {
  if (bucket === 'hour') return hourLabel(instant, tz);
  const day = localDateOf(instant, tz);
  return bucket === 'day' ? day : mondayOf(day);
}

/** The bucket label of a calendar day (for daily rollups). */
export function bucketLabelOfDay(day: string, bucket: Exclude<Bucket, 'hour'>): string {
  return bucket === 'day' ? day : mondayOf(day);
}

/** The time span of a bucket label, or null when the label is not one of the range's buckets. */
export function slotOf(range: DateRange, bucket: Bucket, x: string): BucketSlot | null {
  return bucketSlots(range, bucket).find((slot) => slot.x === x) ?? null;
}

export interface ValueRow {
  x: string;
  series: string;
  value: number;
}

/**
 * Rows → one series per name with a point in every bucket. Missing points are 0 for counts and
 * null for `gap` series (averages, rates, percentiles). Rows outside the buckets are dropped.
 */
export function fillSeries(slots: readonly { x: string }[], rows: readonly ValueRow[], names: readonly string[], missing: 'zero' | 'gap' = 'zero'): Series[] {
  const byName = new Map<string, Map<string, number>>();
  for (const row of rows) {
    let points = byName.get(row.series);
    if (!points) byName.set(row.series, (points = new Map()));
    points.set(row.x, (points.get(row.x) ?? 0) + row.value);
  }
  const fill = missing === 'zero' ? 0 : null;
  return names.map((name) => {
    const points = byName.get(name);
    return { name, data: slots.map((slot) => ({ x: slot.x, y: points?.get(slot.x) ?? fill })) };
  });
}

/** The series names of fixed charts first, then any other names the rows carry (sorted). */
export function seriesNames(rows: readonly ValueRow[], known: readonly string[] = []): string[] {
  const extra = [...new Set(rows.map((r) => r.series))].filter((n) => !known.includes(n)).sort();
  return [...known, ...extra];
}

export interface HistogramRow {
  x: string;
  series: string;
  /** The log-scale latency bucket (lib/ingest/latency.ts). */
  bucket: number;
  count: number;
}

/** A percentile (0–100) from histogram counts, or null when there are none. */
export function percentileOf(histogram: ReadonlyMap<number, number>, p: number): number | null {
  const value = percentileFromBuckets(histogram, p);
  return value === null ? null : Math.round(value * 10) / 10;
}

/**
 * Per name, `p50 · name` and `p95 · name` series (ms) for every bucket; null where a bucket has
 * no samples. Names are ordered by sample count, at most `maxNames`.
 */
export function preparePercentiles(slots: readonly { x: string }[], rows: readonly HistogramRow[], percentiles: readonly number[] = [50, 95], maxNames = 4): Series[] {
  const totals = new Map<string, number>();
  const hist = new Map<string, Map<string, Map<number, number>>>();
  for (const row of rows) {
    totals.set(row.series, (totals.get(row.series) ?? 0) + row.count);
    let byX = hist.get(row.series);
    if (!byX) hist.set(row.series, (byX = new Map()));
    let h = byX.get(row.x);
    if (!h) byX.set(row.x, (h = new Map()));
    h.set(row.bucket, (h.get(row.bucket) ?? 0) + row.count);
  }
  const names = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, maxNames).map(([n]) => n);
  return names.flatMap((name) =>
    percentiles.map((p) => ({
      name: `p${p} · ${name}`,
      data: slots.map((slot) => {
        const h = hist.get(name)?.get(slot.x);
        return { x: slot.x, y: h ? percentileOf(h, p) : null };
      }),
    })),
  );
}

/** numerator / denominator per bucket (e.g. inline acceptance rate), null where the denominator is 0. */
export function prepareRatio(slots: readonly { x: string }[], numerator: readonly ValueRow[], denominator: readonly ValueRow[], name: string, scale = 100): Series {
  const sum = (rows: readonly ValueRow[]) => {
    const out = new Map<string, number>();
    for (const r of rows) out.set(r.x, (out.get(r.x) ?? 0) + r.value);
    return out;
  };
  const n = sum(numerator);
  const d = sum(denominator);
  return {
    name,
    data: slots.map((slot) => {
      const den = d.get(slot.x) ?? 0;
      return { x: slot.x, y: den > 0 ? Math.round(((n.get(slot.x) ?? 0) / den) * scale * 10) / 10 : null };
    }),
  };
}

export interface CategoryRow {
  x: string;
  series: string;
  value: number;
}

/**
 * Categorical rows → series over the top `limit` categories (by total, then name); the rest are
 * summed into "Other" when `other` is set. Every series has a point for every category (0).
 */
export function prepareCategories(rows: readonly CategoryRow[], names: readonly string[], limit = 10, other = false): Series[] {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.x, (totals.get(r.x) ?? 0) + r.value);
  const ordered = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([x]) => x);
  const top = ordered.slice(0, limit);
  const rest = new Set(ordered.slice(limit));
  const categories = other && rest.size ? [...top, 'Other'] : top;
  return names.map((name) => {
    const values = new Map<string, number>();
    for (const r of rows) {
      if (r.series !== name) continue;
      const x = rest.has(r.x) ? (other ? 'Other' : null) : r.x;
      if (x !== null) values.set(x, (values.get(x) ?? 0) + r.value);
    }
    return { name, data: categories.map((x) => ({ x, y: values.get(x) ?? 0 })) };
  });
}

/** The period of the same length just before `range` (for "change vs previous period"). */
export function previousPeriod(range: DateRange): DateRange {
  const days = daysInclusive(range.from, range.to);
  return { from: addDays(range.from, -days), to: addDays(range.from, -1), tz: range.tz };
}

export interface Change {
  current: number | null;
  previous: number | null;
  /** (current − previous) / previous; null when there is nothing to compare with. */
  ratio: number | null;
  direction: 'up' | 'down' | 'flat' | 'none';
}

export function prepareChange(current: number | null, previous: number | null): Change {
  if (current === null || previous === null) return { current, previous, ratio: null, direction: 'none' };
  if (previous === 0) return { current, previous, ratio: null, direction: current === 0 ? 'flat' : 'up' };
  const ratio = (current - previous) / previous;
  return { current, previous, ratio: Math.round(ratio * 1000) / 1000, direction: ratio > 0 ? 'up' : ratio < 0 ? 'down' : 'flat' };
}

/** Sum of a series' points (nulls skipped). */
export function seriesTotal(series: Series): number {
  return series.data.reduce((sum, p) => sum + (p.y ?? 0), 0);
}

/** The bucket that fits a range when none is asked for: hours up to 2 days, days up to 120, then weeks. */
export function defaultBucket(range: Pick<DateRange, 'from' | 'to'>): Bucket {
  const days = daysInclusive(range.from, range.to);
  return days <= 2 ? 'hour' : days <= 120 ? 'day' : 'week';
}

/** One-sentence summary of a chart for screen readers and the card subtitle. */
export function summarize(series: readonly Series[], kind: 'time' | 'category', unit = 'events'): string {
  if (!series.length || series.every((s) => s.data.every((p) => !p.y))) return 'No data in this period.';
  if (kind === 'category') {
    const first = series[0]!;
    const top = [...first.data].filter((p) => p.y).sort((a, b) => (b.y ?? 0) - (a.y ?? 0)).slice(0, 3);
    return `Top: ${top.map((p) => `${p.x} (${p.y})`).join(', ')}.`;
  }
  const parts = series.slice(0, 5).map((s) => {
    const values = s.data.map((p) => p.y).filter((y): y is number => y !== null);
    const isCount = s.data.every((p) => p.y !== null);
    if (isCount) return `${s.name}: ${seriesTotal(s)} ${unit}`;
    return `${s.name}: max ${values.length ? Math.max(...values) : '–'}`;
  });
  return `${parts.join('; ')}.`;
}
