import 'server-only';
import type { Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { TELEMETRY_KINDS, DECISIONS } from '@/lib/ingest/telemetry';
import { ACTIVITY_SERIES, CHART_IDS, CHARTS, COMPLIANCE_SERIES, isChartId, NO_TEAM_LABEL, NONE_LABEL, type ChartId } from './catalog';
import { dayBucketSql, instantBucketSql, Params, queryContext, run, whereClause, type QueryContext, type WhereColumns } from './context';
import { parseFilters, type MetricsFilters, type QueryInput } from './filters';
import {
  bucketLabelOfDay,
  bucketLabelOfInstant,
  bucketSlots,
  fillSeries,
  prepareCategories,
  preparePercentiles,
  prepareRatio,
  seriesNames,
  type Bucket,
  type CategoryRow,
  type HistogramRow,
  type Series,
  type ValueRow,
} from './prepare';

/**
 * Every chart: one query over the rollups, and the same chart computed from the raw rows.
 * The raw form answers filters a rollup does not carry (e.g. a user on telemetry charts), and the
 * benchmark and tests compare the two. Both return rows that the pure prepare* functions turn into
 * series; the API and the console call getChart().
 */
export type Source = 'rollup' | 'raw';

export interface ChartResult {
  chart: ChartId;
  bucket: Bucket;
  from: string;
  to: string;
  series: Series[];
}

interface Dims {
  user: boolean;
  client: boolean;
}

interface ChartDef {
  /** The filters the rollup form can apply (team always). */
  rollupDims: Dims;
  query(ctx: QueryContext, source: Source, bucket: Bucket): Promise<Series[]>;
}

/** The same chart from the daily (UTC) rollups, for UTC day and week buckets. */
interface DailyDef {
  dims: Dims;
  query(ctx: QueryContext, bucket: Exclude<Bucket, 'hour'>): Promise<Series[]>;
}

const TELEMETRY_RAW: WhereColumns = { time: 'ts', timeKind: 'instant', team: 'team_id', user: 'user_key', client: 'client' };
const TELEMETRY_HOURLY: WhereColumns = { time: 'hour', timeKind: 'instant', team: 'team_id', client: 'client' };
const HOURLY_TEAM: WhereColumns = { time: 'hour', timeKind: 'instant', team: 'team_id' };
const PROMPT_RAW: WhereColumns = { time: 'ts', timeKind: 'instant', team: 'team_id', user: 'user_key' };
const PROMPT_HOURLY: WhereColumns = { time: 'hour', timeKind: 'instant', team: 'team_id', user: 'user_key' };

interface TimeRow {
  t: number;
  s: string;
  v: number | string;
}
interface DayRow {
  d: string;
  s: string;
  v: number | string;
}
interface CatRow {
  x: string;
  s: string;
  v: number | string;
}

function instantRows(rows: TimeRow[], ctx: QueryContext, bucket: Bucket): ValueRow[] {
  return rows.map((r) => ({ x: bucketLabelOfInstant(r.t, bucket, ctx.filters.range.tz), series: r.s, value: Number(r.v) }));
}
function dayRows(rows: DayRow[], bucket: Exclude<Bucket, 'hour'>): ValueRow[] {
  return rows.map((r) => ({ x: bucketLabelOfDay(r.d, bucket), series: r.s, value: Number(r.v) }));
}
function catRows(rows: CatRow[]): CategoryRow[] {
  return rows.map((r) => ({ x: r.x, series: r.s, value: Number(r.v) }));
}

/** A time chart of counts grouped by a series column, over an hourly rollup or the raw table. */
async function countsOverTime(
  ctx: QueryContext,
  bucket: Bucket,
  spec: { table: string; cols: WhereColumns; timeColumn: string; series: string; value: string; extra?: string },
  known: readonly string[],
): Promise<Series[]> {
  const p = new Params();
  const b = instantBucketSql(p, spec.timeColumn, bucket, ctx.filters.range.tz);
  const where = whereClause(ctx, p, spec.cols);
  const rows = await run<TimeRow>(
    `SELECT ${b} AS t, ${spec.series} AS s, ${spec.value} AS v FROM ${spec.table} WHERE ${where}${spec.extra ? ` AND ${spec.extra}` : ''} GROUP BY 1, 2`,
    p,
  );
  const values = instantRows(rows, ctx, bucket);
  return fillSeries(bucketSlots(ctx.filters.range, bucket), values, seriesNames(values, known));
}

/** A time chart of sums over a daily (UTC) rollup. */
async function sumsOverDays(
  ctx: QueryContext,
  bucket: Exclude<Bucket, 'hour'>,
  spec: { table: string; cols: WhereColumns; series: string; value: string; extra?: string },
  known: readonly string[],
): Promise<Series[]> {
  const p = new Params();
  const where = whereClause(ctx, p, spec.cols);
  const rows = await run<DayRow>(
    `SELECT ${dayBucketSql('day', bucket)} AS d, ${spec.series} AS s, sum(${spec.value}) AS v FROM ${spec.table} WHERE ${where}${spec.extra ? ` AND ${spec.extra}` : ''} GROUP BY 1, 2`,
    p,
  );
  const values = dayRows(rows, bucket);
  return fillSeries(bucketSlots(ctx.filters.range, bucket), values, seriesNames(values, known));
}

const DIM_DAILY: WhereColumns = { time: 'day', timeKind: 'date', team: 'team_id', client: 'client' };
const PROMPT_DAILY: WhereColumns = { time: 'day', timeKind: 'date', team: 'team_id' };
const dimDaily = (dim: string, x: string, value = 'events') => ({
  table: 'telemetry_dim_daily',
  cols: DIM_DAILY,
  x,
  series: `'events'`,
  value: `sum(r.${value})`,
  extra: `r.dim = '${dim}'`,
});

async function categories(
  ctx: QueryContext,
  spec: { table: string; cols: WhereColumns; x: string; series: string; value: string; extra?: string; join?: string },
  known: readonly string[],
  limit = 10,
): Promise<Series[]> {
  const p = new Params();
  const where = whereClause(ctx, p, spec.cols, 'r');
  const rows = await run<CatRow>(
    `SELECT ${spec.x} AS x, ${spec.series} AS s, ${spec.value} AS v FROM ${spec.table} r ${spec.join ?? ''} WHERE ${where}${spec.extra ? ` AND ${spec.extra}` : ''} GROUP BY 1, 2`,
    p,
  );
  const values = catRows(rows);
  return prepareCategories(values, seriesNames(values, known), limit);
}

const none = (column: string) => `coalesce(nullif(r.${column}, ''), '${NONE_LABEL}')`;
const dailyBucket = (bucket: Bucket): Exclude<Bucket, 'hour'> => (bucket === 'hour' ? 'day' : bucket);

const DEFS: Record<ChartId, ChartDef> = {
  'telemetry-events': {
    rollupDims: { user: false, client: true },
    query: (ctx, source, bucket) =>
      countsOverTime(
        ctx,
        bucket,
        source === 'rollup'
          ? { table: 'telemetry_hourly', cols: TELEMETRY_HOURLY, timeColumn: 'hour', series: 'kind', value: 'sum(events)' }
          : { table: 'telemetry_event', cols: TELEMETRY_RAW, timeColumn: 'ts', series: 'kind', value: 'count(*)' },
        TELEMETRY_KINDS,
      ),
  },
  errors: {
    rollupDims: { user: false, client: true },
    query: (ctx, source, bucket) =>
      countsOverTime(
        ctx,
        bucket,
        source === 'rollup'
          ? { table: 'telemetry_hourly', cols: TELEMETRY_HOURLY, timeColumn: 'hour', series: `'errors'`, value: 'sum(events)', extra: `kind = 'error'` }
          : { table: 'telemetry_event', cols: TELEMETRY_RAW, timeColumn: 'ts', series: `'errors'`, value: 'count(*)', extra: `kind = 'error'` },
        ['errors'],
      ),
  },
  commands: {
    rollupDims: { user: false, client: false },
    query: (ctx, source, bucket) =>
      countsOverTime(
        ctx,
        bucket,
        source === 'rollup'
          ? { table: 'command_hourly', cols: HOURLY_TEAM, timeColumn: 'hour', series: 'decision', value: 'sum(events)' }
          : { table: 'telemetry_event', cols: TELEMETRY_RAW, timeColumn: 'ts', series: `coalesce(decision, '')`, value: 'count(*)', extra: `kind = 'command_executed'` },
        DECISIONS,
      ),
  },
  prompts: {
    rollupDims: { user: true, client: false },
    query: (ctx, source, bucket) =>
      countsOverTime(
        ctx,
        bucket,
        source === 'rollup'
          ? { table: 'prompt_hourly', cols: PROMPT_HOURLY, timeColumn: 'hour', series: 'kind', value: 'sum(prompts)' }
          : { table: 'prompt_log_record', cols: PROMPT_RAW, timeColumn: 'ts', series: 'kind', value: 'count(*)' },
        ['chat', 'inline'],
      ),
  },
  'feature-usage': {
    rollupDims: { user: false, client: true },
    query: (ctx, source) =>
      categories(
        ctx,
        source === 'rollup'
          ? { table: 'telemetry_hourly', cols: TELEMETRY_HOURLY, x: none('feature'), series: `'events'`, value: 'sum(events)', extra: `r.kind = 'feature_used'` }
          : { table: 'telemetry_event', cols: TELEMETRY_RAW, x: none('feature'), series: `'events'`, value: 'count(*)', extra: `r.kind = 'feature_used'` },
        ['events'],
      ),
  },
  'top-errors': {
    rollupDims: { user: false, client: false },
    query: (ctx, source) =>
      categories(
        ctx,
        source === 'rollup'
          ? { table: 'telemetry_text_daily', cols: { time: 'day', timeKind: 'date', team: 'team_id' }, x: none('text'), series: `'errors'`, value: 'sum(events)', extra: `r.kind = 'error'` }
          : { table: 'telemetry_event', cols: { ...TELEMETRY_RAW, timeKind: 'utc-day' }, x: none('message'), series: `'errors'`, value: 'count(*)', extra: `r.kind = 'error'` },
        ['errors'],
      ),
  },
  os: {
    rollupDims: { user: false, client: true },
    query: (ctx, source) =>
      categories(
        ctx,
        source === 'rollup'
          ? { table: 'telemetry_hourly', cols: TELEMETRY_HOURLY, x: none('os'), series: `'events'`, value: 'sum(events)' }
          : { table: 'telemetry_event', cols: TELEMETRY_RAW, x: none('os'), series: `'events'`, value: 'count(*)' },
        ['events'],
      ),
  },
  clients: {
    rollupDims: { user: false, client: true },
    query: (ctx, source) => {
      const x = `${none('client')} || CASE WHEN coalesce(r.client_version, '') = '' THEN '' ELSE '@' || r.client_version END`;
      return categories(
        ctx,
        source === 'rollup'
          ? { table: 'client_version_hourly', cols: TELEMETRY_HOURLY, x, series: `'events'`, value: 'sum(events)' }
          : { table: 'telemetry_event', cols: TELEMETRY_RAW, x, series: `'events'`, value: 'count(*)' },
        ['events'],
      );
    },
  },
  'prompts-by-team': {
    rollupDims: { user: true, client: false },
    query: (ctx, source) =>
      categories(
        ctx,
        {
          table: source === 'rollup' ? 'prompt_hourly' : 'prompt_log_record',
          cols: source === 'rollup' ? PROMPT_HOURLY : PROMPT_RAW,
          join: 'LEFT JOIN team t ON t.org_id = r.org_id AND t.id = r.team_id',
          x: `coalesce(t.name, '${NO_TEAM_LABEL}')`,
          series: 'r.kind',
          value: source === 'rollup' ? 'sum(r.prompts)' : 'count(*)',
        },
        ['chat', 'inline'],
        20,
      ),
  },
  'top-users': {
    rollupDims: { user: true, client: false },
    query: (ctx, source) =>
      categories(
        ctx,
        source === 'rollup'
          ? { table: 'prompt_hourly', cols: PROMPT_HOURLY, x: 'r.user_key', series: `'prompts'`, value: 'sum(prompts)' }
          : { table: 'prompt_log_record', cols: PROMPT_RAW, x: 'r.user_key', series: `'prompts'`, value: 'count(*)' },
        ['prompts'],
      ),
  },
  'trigger-types': {
    rollupDims: { user: true, client: false },
    query: (ctx, source) =>
      categories(
        ctx,
        source === 'rollup'
          ? { table: 'prompt_hourly', cols: PROMPT_HOURLY, x: none('trigger_type'), series: `'prompts'`, value: 'sum(prompts)' }
          : { table: 'prompt_log_record', cols: PROMPT_RAW, x: none('trigger_type'), series: `'prompts'`, value: 'count(*)' },
        ['prompts'],
      ),
  },
  models: {
    rollupDims: { user: true, client: false },
    query: (ctx, source) =>
      categories(
        ctx,
        source === 'rollup'
          ? { table: 'prompt_hourly', cols: PROMPT_HOURLY, x: none('model_id'), series: `'prompts'`, value: 'sum(prompts)' }
          : { table: 'prompt_log_record', cols: PROMPT_RAW, x: none('model_id'), series: `'prompts'`, value: 'count(*)' },
        ['prompts'],
      ),
  },
  performance: {
    rollupDims: { user: false, client: false },
    async query(ctx, source, bucket) {
      const p = new Params();
      const col = source === 'rollup' ? 'hour' : 'ts';
      const b = instantBucketSql(p, col, bucket, ctx.filters.range.tz);
      const sql =
        source === 'rollup'
          ? `SELECT ${b} AS t, name AS s, bucket AS lb, sum(events) AS n FROM latency_hourly WHERE ${whereClause(ctx, p, HOURLY_TEAM)} AND kind = 'performance' GROUP BY 1, 2, 3`
          : `SELECT ${b} AS t, coalesce(name, '') AS s, latency_bucket(duration_ms) AS lb, count(*) AS n FROM telemetry_event
              WHERE ${whereClause(ctx, p, TELEMETRY_RAW)} AND kind = 'performance' AND duration_ms IS NOT NULL GROUP BY 1, 2, 3`;
      const rows = await run<{ t: number; s: string; lb: number; n: string }>(sql, p);
      const hist: HistogramRow[] = rows.map((r) => ({ x: bucketLabelOfInstant(r.t, bucket, ctx.filters.range.tz), series: r.s || NONE_LABEL, bucket: r.lb, count: Number(r.n) }));
      return preparePercentiles(bucketSlots(ctx.filters.range, bucket), hist);
    },
  },
  'active-users': {
    rollupDims: { user: true, client: false },
    async query(ctx, source, requested) {
      const bucket = dailyBucket(requested);
      const p = new Params();
      let sql: string;
      if (source === 'rollup') {
        // DISTINCT then count: a hash aggregate instead of a sort per bucket.
        sql = `SELECT d, 'active users' AS s, count(*) AS v FROM (
                 SELECT DISTINCT ${dayBucketSql('day', bucket)} AS d, user_key FROM daily_active_user
                  WHERE ${whereClause(ctx, p, { time: 'day', timeKind: 'date', team: 'team_id', user: 'user_key' })}) u GROUP BY 1`;
      } else {
        const dayOf = `(ts AT TIME ZONE 'UTC')::date`;
        const parts = [
          `SELECT ${dayOf} AS day, user_key FROM telemetry_event WHERE ${whereClause(ctx, p, { ...TELEMETRY_RAW, timeKind: 'utc-day' })} AND user_key IS NOT NULL`,
          `SELECT day, user_key FROM user_activity_day WHERE ${whereClause(ctx, p, { time: 'day', timeKind: 'date', team: 'team_id', user: 'user_key', client: 'client_type' })}`,
        ];
        // Prompt logs carry no client: with a client filter they cannot count.
        if (!ctx.filters.client) parts.push(`SELECT ${dayOf} AS day, user_key FROM prompt_log_record WHERE ${whereClause(ctx, p, { ...PROMPT_RAW, timeKind: 'utc-day' })}`);
        sql = `SELECT ${dayBucketSql('day', bucket)} AS d, 'active users' AS s, count(DISTINCT user_key) AS v FROM (${parts.join(' UNION ALL ')}) u GROUP BY 1`;
      }
      const values = dayRows(await run<DayRow>(sql, p), bucket);
      return fillSeries(bucketSlots(ctx.filters.range, bucket), values, ['active users']);
    },
  },
  activity: {
    rollupDims: { user: false, client: true },
    async query(ctx, source, requested) {
      const bucket = dailyBucket(requested);
      const metrics = ['Chat_MessagesSent', 'Total_Messages', 'Chat_AICodeLines', 'Inline_AICodeLines', 'Inline_AcceptanceCount', 'Inline_SuggestionsCount'];
      const p = new Params();
      const cols: WhereColumns = { time: 'day', timeKind: 'date', team: 'team_id', user: 'user_key', client: 'client_type' };
      const sql =
        source === 'rollup'
          ? `SELECT ${dayBucketSql('day', bucket)} AS d, metric AS s, sum(value) AS v FROM activity_daily
              WHERE ${whereClause(ctx, p, { ...cols, user: undefined })} AND metric = ANY(${p.add(metrics)}) GROUP BY 1, 2`
          : `SELECT ${dayBucketSql('day', bucket)} AS d, m.key AS s, sum((m.value #>> '{}')::float8) AS v FROM user_activity_day, jsonb_each(metrics) AS m
              WHERE ${whereClause(ctx, p, cols)} AND m.key = ANY(${p.add(metrics)}) GROUP BY 1, 2`;
      const rows = dayRows(await run<DayRow>(sql, p), bucket);
      const slots = bucketSlots(ctx.filters.range, bucket);
      const rename = (names: string[], as: string) => rows.filter((r) => names.includes(r.series)).map((r) => ({ ...r, series: as }));
      const [messages, lines, rate] = ACTIVITY_SERIES;
      return [
        ...fillSeries(slots, [...rename(['Chat_MessagesSent', 'Total_Messages'], messages), ...rename(['Chat_AICodeLines', 'Inline_AICodeLines'], lines)], [messages, lines]),
        prepareRatio(slots, rename(['Inline_AcceptanceCount'], rate), rename(['Inline_SuggestionsCount'], rate), rate),
      ];
    },
  },
  compliance: {
    rollupDims: { user: false, client: false },
    async query(ctx, source, bucket) {
      const p = new Params();
      const tz = ctx.filters.range.tz;
      const executed = `decision <> 'denied'`;
      let sql: string;
      if (source === 'rollup') {
        const bh = instantBucketSql(p, 'hour', bucket, tz);
        sql = [
          `SELECT ${bh} AS t, 'telemetry-while-disabled' AS s, sum(while_disabled) AS v FROM telemetry_hourly WHERE ${whereClause(ctx, p, HOURLY_TEAM)} GROUP BY 1`,
          `SELECT ${bh} AS t, 'privacy-findings' AS s, sum(privacy_findings) AS v FROM telemetry_hourly WHERE ${whereClause(ctx, p, HOURLY_TEAM)} GROUP BY 1`,
          `SELECT ${bh} AS t, 'untrusted-commands' AS s, sum(events) AS v FROM command_hourly WHERE ${whereClause(ctx, p, HOURLY_TEAM)} AND untrusted AND ${executed} GROUP BY 1`,
          `SELECT ${bh} AS t, 'dangerous-commands' AS s, sum(events) AS v FROM command_hourly WHERE ${whereClause(ctx, p, HOURLY_TEAM)} AND dangerous AND ${executed} GROUP BY 1`,
          `SELECT ${bh} AS t, 'secrets-in-prompts' AS s, sum(secrets_masked) AS v FROM prompt_hourly WHERE ${whereClause(ctx, p, PROMPT_HOURLY)} GROUP BY 1`,
        ].join(' UNION ALL ');
      } else {
        const bt = instantBucketSql(p, 'ts', bucket, tz);
        const w = whereClause(ctx, p, TELEMETRY_RAW);
        sql = `SELECT t, s, v FROM (
                 SELECT ${bt} AS t,
                        count(*) FILTER (WHERE telemetry_disabled) AS disabled,
                        coalesce(sum(cardinality(privacy)), 0) AS privacy,
                        count(*) FILTER (WHERE kind = 'command_executed' AND untrusted AND ${executed}) AS untrusted,
                        count(*) FILTER (WHERE kind = 'command_executed' AND dangerous AND ${executed}) AS dangerous
                   FROM telemetry_event WHERE ${w} GROUP BY 1) e,
               LATERAL (VALUES ('telemetry-while-disabled', disabled), ('privacy-findings', privacy), ('untrusted-commands', untrusted), ('dangerous-commands', dangerous)) AS x(s, v)
               ${ctx.filters.client ? '' : `UNION ALL SELECT ${bt} AS t, 'secrets-in-prompts' AS s, sum(secrets_masked) AS v FROM prompt_log_record WHERE ${whereClause(ctx, p, PROMPT_RAW)} GROUP BY 1`}`;
      }
      const values = instantRows(await run<TimeRow>(sql, p), ctx, bucket);
      return fillSeries(bucketSlots(ctx.filters.range, bucket), values, COMPLIANCE_SERIES);
    },
  },
};

const TELEMETRY_DIMS: Dims = { user: false, client: true };
const PROMPT_DIMS: Dims = { user: false, client: false };

const DAILY: Partial<Record<ChartId, DailyDef>> = {
  'telemetry-events': {
    dims: TELEMETRY_DIMS,
    query: (ctx, bucket) => sumsOverDays(ctx, bucket, { table: 'telemetry_dim_daily', cols: DIM_DAILY, series: 'value', value: 'events', extra: `dim = 'kind'` }, TELEMETRY_KINDS),
  },
  errors: {
    dims: TELEMETRY_DIMS,
    query: (ctx, bucket) => sumsOverDays(ctx, bucket, { table: 'telemetry_dim_daily', cols: DIM_DAILY, series: `'errors'`, value: 'events', extra: `dim = 'kind' AND value = 'error'` }, ['errors']),
  },
  commands: {
    dims: TELEMETRY_DIMS,
    query: (ctx, bucket) => sumsOverDays(ctx, bucket, { table: 'command_daily', cols: DIM_DAILY, series: 'decision', value: 'events' }, DECISIONS),
  },
  prompts: {
    dims: PROMPT_DIMS,
    query: (ctx, bucket) => sumsOverDays(ctx, bucket, { table: 'prompt_daily', cols: PROMPT_DAILY, series: 'kind', value: 'prompts' }, ['chat', 'inline']),
  },
  'feature-usage': { dims: TELEMETRY_DIMS, query: (ctx) => categories(ctx, dimDaily('feature', none('value')), ['events']) },
  os: { dims: TELEMETRY_DIMS, query: (ctx) => categories(ctx, dimDaily('os', none('value')), ['events']) },
  clients: {
    dims: TELEMETRY_DIMS,
    query: (ctx) => categories(ctx, dimDaily('version', `${none('client')} || CASE WHEN r.value = '' THEN '' ELSE '@' || r.value END`), ['events']),
  },
  'prompts-by-team': {
    dims: PROMPT_DIMS,
    query: (ctx) =>
      categories(
        ctx,
        { table: 'prompt_daily', cols: PROMPT_DAILY, join: 'LEFT JOIN team t ON t.org_id = r.org_id AND t.id = r.team_id', x: `coalesce(t.name, '${NO_TEAM_LABEL}')`, series: 'r.kind', value: 'sum(r.prompts)' },
        ['chat', 'inline'],
        20,
      ),
  },
  'top-users': {
    dims: { user: true, client: false },
    query: (ctx) =>
      categories(
        ctx,
        { table: 'daily_active_user', cols: { time: 'day', timeKind: 'date', team: 'team_id', user: 'user_key' }, x: 'r.user_key', series: `'prompts'`, value: 'sum(r.events)', extra: `r.source = 'prompt-log'` },
        ['prompts'],
      ),
  },
  'trigger-types': { dims: PROMPT_DIMS, query: (ctx) => categories(ctx, { table: 'prompt_daily', cols: PROMPT_DAILY, x: none('trigger_type'), series: `'prompts'`, value: 'sum(r.prompts)' }, ['prompts']) },
  models: { dims: PROMPT_DIMS, query: (ctx) => categories(ctx, { table: 'prompt_daily', cols: PROMPT_DAILY, x: none('model_id'), series: `'prompts'`, value: 'sum(r.prompts)' }, ['prompts']) },
  performance: {
    dims: PROMPT_DIMS,
    async query(ctx, bucket) {
      const p = new Params();
      const rows = await run<{ d: string; s: string; lb: number; n: string }>(
        `SELECT ${dayBucketSql('day', bucket)} AS d, name AS s, bucket AS lb, sum(events) AS n FROM latency_daily WHERE ${whereClause(ctx, p, PROMPT_DAILY)} GROUP BY 1, 2, 3`,
        p,
      );
      const hist: HistogramRow[] = rows.map((r) => ({ x: bucketLabelOfDay(r.d, bucket), series: r.s || NONE_LABEL, bucket: r.lb, count: Number(r.n) }));
      return preparePercentiles(bucketSlots(ctx.filters.range, bucket), hist);
    },
  },
  compliance: {
    dims: PROMPT_DIMS,
    async query(ctx, bucket) {
      const p = new Params();
      const d = dayBucketSql('day', bucket);
      const sql = [
        `SELECT ${d} AS d, 'telemetry-while-disabled' AS s, sum(while_disabled) AS v FROM telemetry_dim_daily WHERE ${whereClause(ctx, p, PROMPT_DAILY)} AND dim = 'kind' GROUP BY 1`,
        `SELECT ${d} AS d, 'privacy-findings' AS s, sum(privacy_findings) AS v FROM telemetry_dim_daily WHERE ${whereClause(ctx, p, PROMPT_DAILY)} AND dim = 'kind' GROUP BY 1`,
        `SELECT ${d} AS d, 'untrusted-commands' AS s, sum(events) AS v FROM command_daily WHERE ${whereClause(ctx, p, PROMPT_DAILY)} AND untrusted AND decision <> 'denied' GROUP BY 1`,
        `SELECT ${d} AS d, 'dangerous-commands' AS s, sum(events) AS v FROM command_daily WHERE ${whereClause(ctx, p, PROMPT_DAILY)} AND dangerous AND decision <> 'denied' GROUP BY 1`,
        `SELECT ${d} AS d, 'secrets-in-prompts' AS s, sum(secrets_masked) AS v FROM prompt_daily WHERE ${whereClause(ctx, p, PROMPT_DAILY)} GROUP BY 1`,
      ].join(' UNION ALL ');
      return fillSeries(bucketSlots(ctx.filters.range, bucket), dayRows(await run<DayRow>(sql, p), bucket), COMPLIANCE_SERIES);
    },
  },
};

const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Etc/Universal', 'Universal', 'Zulu']);

function dailyDef(chart: ChartId, filters: MetricsFilters): DailyDef | null {
  const def = DAILY[chart];
  if (!def || filters.bucket === 'hour' || !UTC_ZONES.has(filters.range.tz)) return null;
  if ((filters.user && !def.dims.user) || (filters.client && !def.dims.client)) return null;
  return def;
}

/** True when the chart's rollup cannot apply the filters (then the raw rows answer, index-backed). */
export function needsRaw(chart: ChartId, filters: MetricsFilters): boolean {
  const dims = DEFS[chart].rollupDims;
  return Boolean((filters.user && !dims.user) || (filters.client && !dims.client));
}

export function chartNotFound(chart: string): AppError {
  return new AppError(404, 'not_found', `There is no chart "${chart}". Charts: ${CHART_IDS.join(', ')}.`, { charts: CHART_IDS });
}

/** The bucket a chart answers in (daily sources answer hours per day). */
export function effectiveBucket(chart: ChartId, bucket: Bucket): Bucket {
  return CHARTS[chart].daily && bucket === 'hour' ? 'day' : bucket;
}

/** Runs one chart for a resolved context; `source` forces rollup or raw (benchmark, tests). */
export async function runChart(ctx: QueryContext, chart: ChartId, source?: Source): Promise<ChartResult> {
  const chosen: Source = source ?? (needsRaw(chart, ctx.filters) && !dailyDef(chart, ctx.filters) ? 'raw' : 'rollup');
  const bucket = effectiveBucket(chart, ctx.filters.bucket);
  const daily = chosen === 'rollup' ? dailyDef(chart, ctx.filters) : null;
  const series = daily && bucket !== 'hour' ? await daily.query(ctx, bucket) : await DEFS[chart].query(ctx, chosen, bucket);
  return { chart, bucket, from: ctx.filters.range.from, to: ctx.filters.range.to, series };
}

/**
 * GET /api/v1/metrics/{chart} and every console chart: validates the filters (400), the chart
 * (404 listing the ids) and the team (404 for another organization's), then reads the rollups.
 */
export async function getChart(actor: Actor, chart: string, input: QueryInput | MetricsFilters, options: { source?: Source } = {}): Promise<ChartResult> {
  if (!isChartId(chart)) throw chartNotFound(chart);
  const filters = 'range' in input && typeof input.range === 'object' ? (input as MetricsFilters) : parseFilters(input as QueryInput);
  const ctx = await queryContext(actor, filters);
  return runChart(ctx, chart, options.source);
}
