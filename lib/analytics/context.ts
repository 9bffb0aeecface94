import 'server-only';
import type pg from 'pg';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import type { MetricsFilters } from './filters';
import { rangeInstants, type Bucket } from './prepare';
import { addDays } from './time';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ResolvedTeam {
  id: string;
  name: string;
  slug: string;
}

/** Filters checked against the caller's organization, with the instants the SQL needs. */
export interface QueryContext {
  orgId: string;
  filters: MetricsFilters;
  team: ResolvedTeam | null;
  /** Instants of the range in its zone (hourly tables and raw rows). */
  start: Date;
  end: Date;
  /** UTC days of the range (daily tables): days `from`..`to`, i.e. [utcStart, utcEnd). */
  utcStart: Date;
  utcEnd: Date;
}

/** A team given by id or slug, in the actor's organization only (another organization's → 404). */
export async function resolveTeam(orgId: string, team: string, db: Pick<pg.Pool, 'query'> = getPool()): Promise<ResolvedTeam> {
  const byId = UUID.test(team);
  const { rows } = await db.query<ResolvedTeam>(`SELECT id, name, slug FROM team WHERE org_id = $1 AND ${byId ? 'id = $2::uuid' : 'slug = $2'}`, [orgId, team]);
  if (!rows[0]) throw new NotFoundError('The team');
  return rows[0];
}

export async function queryContext(actor: Actor, filters: MetricsFilters): Promise<QueryContext> {
  assertCan(actor, 'reports:read');
  const team = filters.team ? await resolveTeam(actor.orgId, filters.team) : null;
  const { start, end } = rangeInstants(filters.range);
  return {
    orgId: actor.orgId,
    filters,
    team,
    start: new Date(start),
    end: new Date(end),
    utcStart: new Date(`${filters.range.from}T00:00:00Z`),
    utcEnd: new Date(`${addDays(filters.range.to, 1)}T00:00:00Z`),
  };
}

/** Positional parameters for one statement. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export interface WhereColumns {
  time: string;
  /** 'instant': compare with the range's instants; 'utc-day' a timestamptz against UTC days; 'date' a date column. */
  timeKind: 'instant' | 'utc-day' | 'date';
  team?: string;
  user?: string;
  client?: string;
}

/** `org_id = … AND time in range AND the filters` for a table with these columns. */
export function whereClause(ctx: QueryContext, p: Params, cols: WhereColumns, alias = ''): string {
  const a = alias ? `${alias}.` : '';
  const parts = [`${a}org_id = ${p.add(ctx.orgId)}`];
  if (cols.timeKind === 'date') parts.push(`${a}${cols.time} BETWEEN ${p.add(ctx.filters.range.from)}::date AND ${p.add(ctx.filters.range.to)}::date`);
  else {
    const [s, e] = cols.timeKind === 'instant' ? [ctx.start, ctx.end] : [ctx.utcStart, ctx.utcEnd];
    parts.push(`${a}${cols.time} >= ${p.add(s)} AND ${a}${cols.time} < ${p.add(e)}`);
  }
  if (ctx.team && cols.team) parts.push(`${a}${cols.team} = ${p.add(ctx.team.id)}::uuid`);
  if (ctx.filters.user && cols.user) parts.push(`${a}${cols.user} = ${p.add(ctx.filters.user)}`);
  if (ctx.filters.client && cols.client) parts.push(`${a}${cols.client} = ${p.add(ctx.filters.client)}`);
  return parts.join(' AND ');
}

/** Epoch ms of the bucket holding a timestamptz column, in the range's zone. */
export function instantBucketSql(p: Params, column: string, bucket: Bucket, tz: string): string {
  return `(extract(epoch FROM date_trunc('${bucket}', ${column}, ${p.add(tz)})) * 1000)::float8`;
}

/** `YYYY-MM-DD` of the day (or its week's Monday) of a date expression. */
export function dayBucketSql(expression: string, bucket: Exclude<Bucket, 'hour'>): string {
  return bucket === 'day' ? `to_char(${expression}, 'YYYY-MM-DD')` : `to_char(date_trunc('week', ${expression})::date, 'YYYY-MM-DD')`;
}

export async function run<T extends pg.QueryResultRow>(sql: string, p: Params): Promise<T[]> {
  const { rows } = await getPool().query<T>(sql, p.values);
  return rows;
}
