import { describe, expect, it } from 'vitest';
import { parseFilters } from '@/lib/analytics/filters';
import {
  bucketLabelOfInstant,
  bucketSlots,
  defaultBucket,
  fillSeries,
  percentileOf,
  prepareCategories,
  prepareChange,
  preparePercentiles,
  prepareRatio,
  previousPeriod,
  rangeInstants,
  slotOf,
  summarize,
} from '@/lib/analytics/prepare';
import { hourLabel, mondayOf, parseHourLabel, zonedInstant } from '@/lib/analytics/time';
import { latencyBucket } from '@/lib/ingest/latency';

describe('bucketSlots and time zones', () => {
  it('makes one bucket per day in UTC, with instants at midnight', () => {
    const slots = bucketSlots({ from: '2026-11-01', to: '2026-11-03', tz: 'UTC' }, 'day');
    expect(slots.map((s) => s.x)).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
    expect(new Date(slots[0]!.start).toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(slots[2]!.end - slots[2]!.start).toBe(86_400_000);
  });

  it('has a 23-hour day when clocks go forward and a 25-hour day when they go back (Europe/Berlin)', () => {
    const spring = bucketSlots({ from: '2026-03-28', to: '2026-03-30', tz: 'Europe/Berlin' }, 'day');
    expect(spring.map((s) => (s.end - s.start) / 3_600_000)).toEqual([24, 23, 24]);
    const autumn = bucketSlots({ from: '2026-10-24', to: '2026-10-26', tz: 'Europe/Berlin' }, 'day');
    expect(autumn.map((s) => (s.end - s.start) / 3_600_000)).toEqual([24, 25, 24]);
    expect(new Date(autumn[1]!.start).toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });

  it('hour buckets of DST days: 23 and 25 labels, each unambiguous by its offset', () => {
    const spring = bucketSlots({ from: '2026-03-29', to: '2026-03-29', tz: 'Europe/Berlin' }, 'hour');
    expect(spring).toHaveLength(23);
    expect(spring.map((s) => s.x).slice(1, 3)).toEqual(['2026-03-29T01:00+01:00', '2026-03-29T03:00+02:00']);
    const autumn = bucketSlots({ from: '2026-10-25', to: '2026-10-25', tz: 'Europe/Berlin' }, 'hour');
    expect(autumn).toHaveLength(25);
    expect(autumn.map((s) => s.x).slice(2, 4)).toEqual(['2026-10-25T02:00+02:00', '2026-10-25T02:00+01:00']);
    expect(new Set(autumn.map((s) => s.x)).size).toBe(25);
    for (const slot of autumn) expect(parseHourLabel(slot.x)).toBe(slot.start);
  });

  it('US zones: DST days in New York have 23 and 25 hours', () => {
    const days = bucketSlots({ from: '2026-03-08', to: '2026-03-08', tz: 'America/New_York' }, 'day');
    expect((days[0]!.end - days[0]!.start) / 3_600_000).toBe(23);
    const fall = bucketSlots({ from: '2026-11-01', to: '2026-11-01', tz: 'America/New_York' }, 'hour');
    expect(fall).toHaveLength(25);
  });

  it('a day whose midnight is skipped starts at the jump (America/Santiago)', () => {
    // Chile moves clocks forward at 24:00 on the first Saturday of September 2026 (Sept 5 → 6).
    const start = zonedInstant('2026-09-06', 'America/Santiago');
    expect(hourLabel(start, 'America/Santiago')).toBe('2026-09-06T01:00-03:00');
  });

  it('week buckets start on Monday and may begin before the range', () => {
    expect(mondayOf('2026-11-01')).toBe('2026-10-26'); // a Sunday
    expect(mondayOf('2026-11-02')).toBe('2026-11-02');
    const weeks = bucketSlots({ from: '2026-11-01', to: '2026-11-16', tz: 'UTC' }, 'week');
    expect(weeks.map((s) => s.x)).toEqual(['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16']);
    // A week that contains the autumn change in Berlin is 169 hours long.
    const berlin = bucketSlots({ from: '2026-10-19', to: '2026-10-25', tz: 'Europe/Berlin' }, 'week');
    expect((berlin[0]!.end - berlin[0]!.start) / 3_600_000).toBe(169);
  });

  it('labels an instant with its bucket in the zone', () => {
    const t = Date.parse('2026-11-01T23:30:00Z');
    expect(bucketLabelOfInstant(t, 'day', 'UTC')).toBe('2026-11-01');
    expect(bucketLabelOfInstant(t, 'day', 'Europe/Berlin')).toBe('2026-11-02');
    expect(bucketLabelOfInstant(t, 'week', 'Europe/Berlin')).toBe('2026-11-02');
    expect(bucketLabelOfInstant(t, 'hour', 'Asia/Kolkata')).toBe('2026-11-02T05:00+05:30');
    expect(slotOf({ from: '2026-11-01', to: '2026-11-02', tz: 'UTC' }, 'day', '2026-11-02')?.start).toBe(Date.parse('2026-11-02T00:00:00Z'));
    expect(slotOf({ from: '2026-11-01', to: '2026-11-02', tz: 'UTC' }, 'day', '2026-11-05')).toBeNull();
  });

  it('a range covers local midnight to the midnight after `to`', () => {
    const { start, end } = rangeInstants({ from: '2026-07-01', to: '2026-07-01', tz: 'America/Los_Angeles' });
    expect(new Date(start).toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(end - start).toBe(86_400_000);
  });
});

describe('fillSeries', () => {
  const slots = [{ x: 'a' }, { x: 'b' }, { x: 'c' }];
  it('fills empty buckets of counts with 0, and sums repeated rows', () => {
    const series = fillSeries(slots, [{ x: 'a', series: 's', value: 2 }, { x: 'a', series: 's', value: 1 }, { x: 'c', series: 's', value: 5 }], ['s', 'empty']);
    expect(series).toEqual([
      { name: 's', data: [{ x: 'a', y: 3 }, { x: 'b', y: 0 }, { x: 'c', y: 5 }] },
      { name: 'empty', data: [{ x: 'a', y: 0 }, { x: 'b', y: 0 }, { x: 'c', y: 0 }] },
    ]);
  });
  it('leaves gaps (null) for averages, and drops rows outside the buckets', () => {
    const [s] = fillSeries(slots, [{ x: 'b', series: 'avg', value: 7 }, { x: 'z', series: 'avg', value: 1 }], ['avg'], 'gap');
    expect(s!.data.map((p) => p.y)).toEqual([null, 7, null]);
  });
});

describe('percentiles from the log-scale histogram', () => {
  it('reads p50/p95 as the upper bound of the bucket, within 19% of the exact value', () => {
    const durations = Array.from({ length: 1000 }, (_, i) => i + 1);
    const histogram = new Map<number, number>();
    for (const d of durations) histogram.set(latencyBucket(d), (histogram.get(latencyBucket(d)) ?? 0) + 1);
    const p50 = percentileOf(histogram, 50)!;
    const p95 = percentileOf(histogram, 95)!;
    expect(p50).toBeGreaterThanOrEqual(500);
    expect(p50).toBeLessThanOrEqual(500 * 1.19);
    expect(p95).toBeGreaterThanOrEqual(950);
    expect(p95).toBeLessThanOrEqual(950 * 1.19);
    expect(percentileOf(new Map(), 50)).toBeNull();
  });

  it('gives p50 and p95 series per name, null in buckets without samples', () => {
    const slots = [{ x: 'd1' }, { x: 'd2' }];
    const rows = [
      { x: 'd1', series: 'latency', bucket: latencyBucket(100), count: 9 },
      { x: 'd1', series: 'latency', bucket: latencyBucket(2000), count: 1 },
      { x: 'd2', series: 'rare', bucket: latencyBucket(10), count: 1 },
    ];
    const series = preparePercentiles(slots, rows);
    expect(series.map((s) => s.name)).toEqual(['p50 · latency', 'p95 · latency', 'p50 · rare', 'p95 · rare']);
    expect(series[0]!.data[0]!.y).toBeCloseTo(2 ** (latencyBucket(100) / 4), 0);
    expect(series[1]!.data[0]!.y).toBeGreaterThanOrEqual(2000);
    expect(series[0]!.data[1]!.y).toBeNull();
    expect(series[2]!.data[0]!.y).toBeNull();
  });
});

describe('ratios and categories', () => {
  it('acceptance rate is null where nothing was suggested', () => {
    const s = prepareRatio([{ x: 'a' }, { x: 'b' }], [{ x: 'a', series: 'r', value: 1 }], [{ x: 'a', series: 'r', value: 4 }], 'rate');
    expect(s.data).toEqual([{ x: 'a', y: 25 }, { x: 'b', y: null }]);
  });
  it('keeps the top categories by total, with every series on the same categories', () => {
    const rows = [
      { x: 'web', series: 'chat', value: 5 },
      { x: 'web', series: 'inline', value: 1 },
      { x: 'pay', series: 'inline', value: 9 },
      { x: 'ops', series: 'chat', value: 1 },
    ];
    const series = prepareCategories(rows, ['chat', 'inline'], 2);
    expect(series[0]!.data).toEqual([{ x: 'pay', y: 0 }, { x: 'web', y: 5 }]);
    expect(series[1]!.data).toEqual([{ x: 'pay', y: 9 }, { x: 'web', y: 1 }]);
    expect(prepareCategories(rows, ['chat'], 1, true)[0]!.data).toEqual([{ x: 'pay', y: 0 }, { x: 'Other', y: 6 }]);
  });
});

describe('change against the previous period', () => {
  it('the previous period has the same length and ends the day before', () => {
    expect(previousPeriod({ from: '2026-11-08', to: '2026-11-14', tz: 'UTC' })).toEqual({ from: '2026-11-01', to: '2026-11-07', tz: 'UTC' });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31', tz: 'UTC' })).toEqual({ from: '2026-01-29', to: '2026-02-28', tz: 'UTC' });
  });
  it('computes the ratio and direction, and none when there is nothing to compare with', () => {
    expect(prepareChange(150, 100)).toEqual({ current: 150, previous: 100, ratio: 0.5, direction: 'up' });
    expect(prepareChange(50, 100)).toMatchObject({ ratio: -0.5, direction: 'down' });
    expect(prepareChange(5, 0)).toMatchObject({ ratio: null, direction: 'up' });
    expect(prepareChange(0, 0)).toMatchObject({ ratio: null, direction: 'flat' });
    expect(prepareChange(null, 3)).toMatchObject({ ratio: null, direction: 'none' });
  });
});

describe('filters', () => {
  const now = Date.parse('2026-11-14T12:00:00Z');
  it('defaults to the last 7 days in UTC with day buckets', () => {
    expect(parseFilters({}, now)).toEqual({ range: { from: '2026-11-08', to: '2026-11-14', tz: 'UTC' }, bucket: 'day', team: null, user: null, client: null });
    expect(parseFilters({ preset: '24h' }, now).bucket).toBe('hour');
    expect(defaultBucket({ from: '2026-01-01', to: '2026-12-31' })).toBe('week');
  });
  it('refuses ranges over 400 days, hours over 31 days, bad dates and zones', () => {
    expect(() => parseFilters({ from: '2025-01-01', to: '2026-11-14' }, now)).toThrow(/at most 400 days/);
    expect(() => parseFilters({ from: '2026-09-01', to: '2026-11-14', bucket: 'hour' }, now)).toThrow(/up to 31 days/);
    expect(() => parseFilters({ from: '2026-02-30' }, now)).toThrow(/not valid/);
    expect(() => parseFilters({ tz: 'Mars/Olympus' }, now)).toThrow(/not valid/);
    expect(() => parseFilters({ from: '2026-11-10', to: '2026-11-01' }, now)).toThrow(/after/);
    expect(() => parseFilters({ bucket: 'minute' }, now)).toThrow(/not valid/);
  });
});

describe('summarize', () => {
  it('says when there is nothing, and totals counts', () => {
    expect(summarize([{ name: 'a', data: [{ x: '1', y: 0 }] }], 'time')).toBe('No data in this period.');
    expect(summarize([{ name: 'errors', data: [{ x: '1', y: 2 }, { x: '2', y: 3 }] }], 'time')).toBe('errors: 5 events.');
    expect(summarize([{ name: 'events', data: [{ x: 'linux', y: 3 }, { x: 'macos', y: 5 }] }], 'category')).toBe('Top: macos (5), linux (3).');
  });
});
