import 'server-only';
import type { Actor } from '@/lib/auth/permissions';
import { runChart } from './charts';
import { Params, queryContext, run, whereClause, type QueryContext } from './context';
import type { MetricsFilters } from './filters';
import { percentileOf, prepareChange, previousPeriod, seriesTotal, type Change, type Series } from './prepare';

export interface Kpi {
  id: 'events' | 'active-users' | 'errors' | 'dangerous-commands' | 'p95-latency';
  label: string;
  unit: string;
  change: Change;
}

async function distinctUsers(ctx: QueryContext): Promise<number> {
  const p = new Params();
  if (!ctx.filters.client) {
    const rows = await run<{ n: string }>(
      `SELECT count(DISTINCT user_key) AS n FROM daily_active_user WHERE ${whereClause(ctx, p, { time: 'day', timeKind: 'date', team: 'team_id', user: 'user_key' })}`,
      p,
    );
    return Number(rows[0]?.n ?? 0);
  }
  // daily_active_user has no client: count telemetry and activity rows of that client.
  const rows = await run<{ n: string }>(
    `SELECT count(DISTINCT user_key) AS n FROM (
       SELECT user_key FROM telemetry_event WHERE ${whereClause(ctx, p, { time: 'ts', timeKind: 'utc-day', team: 'team_id', user: 'user_key', client: 'client' })} AND user_key IS NOT NULL
       UNION ALL SELECT user_key FROM user_activity_day WHERE ${whereClause(ctx, p, { time: 'day', timeKind: 'date', team: 'team_id', user: 'user_key', client: 'client_type' })}) u`,
    p,
  );
  return Number(rows[0]?.n ?? 0);
}

async function p95(ctx: QueryContext): Promise<number | null> {
  const p = new Params();
  const raw = Boolean(ctx.filters.user || ctx.filters.client);
  const rows = raw
    ? await run<{ b: number; n: string }>(
        `SELECT latency_bucket(duration_ms) AS b, count(*) AS n FROM telemetry_event
          WHERE ${whereClause(ctx, p, { time: 'ts', timeKind: 'instant', team: 'team_id', user: 'user_key', client: 'client' })} AND kind = 'performance' AND duration_ms IS NOT NULL GROUP BY 1`,
        p,
      )
    : await run<{ b: number; n: string }>(
        `SELECT bucket AS b, sum(events) AS n FROM latency_hourly WHERE ${whereClause(ctx, p, { time: 'hour', timeKind: 'instant', team: 'team_id' })} AND kind = 'performance' GROUP BY 1`,
        p,
      );
  return percentileOf(new Map(rows.map((r) => [r.b, Number(r.n)])), 95);
}

async function values(ctx: QueryContext): Promise<Record<Kpi['id'], number | null>> {
  const [events, errors, compliance, users, latency] = await Promise.all([
    runChart(ctx, 'telemetry-events'),
    runChart(ctx, 'errors'),
    runChart(ctx, 'compliance'),
    distinctUsers(ctx),
    p95(ctx),
  ]);
  const total = (result: { series: Series[] }, name?: string) => result.series.filter((s) => !name || s.name === name).reduce((sum, s) => sum + seriesTotal(s), 0);
  return {
    events: total(events),
    'active-users': users,
    errors: total(errors),
    'dangerous-commands': total(compliance, 'dangerous-commands'),
    'p95-latency': latency,
  };
}

/** The overview tiles, each with its change against the previous period of the same length. */
export async function getKpis(actor: Actor, filters: MetricsFilters): Promise<Kpi[]> {
  const current = await queryContext(actor, filters);
  const previous = await queryContext(actor, { ...filters, range: previousPeriod(filters.range), bucket: 'week' });
  const [now, before] = await Promise.all([values({ ...current, filters: { ...current.filters, bucket: 'week' } }), values(previous)]);
  const tile = (id: Kpi['id'], label: string, unit: string): Kpi => ({ id, label, unit, change: prepareChange(now[id], before[id]) });
  return [
    tile('events', 'Events', 'events'),
    tile('active-users', 'Active users', 'users'),
    tile('errors', 'Errors', 'errors'),
    tile('dangerous-commands', 'Dangerous commands', 'commands'),
    tile('p95-latency', 'p95 latency', 'ms'),
  ];
}
