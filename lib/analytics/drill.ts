import 'server-only';
import { z } from 'zod';
import { can, type Actor } from '@/lib/auth/permissions';
import { BadRequestError, ValidationError } from '@/lib/errors';
import { CHARTS, COMPLIANCE_SERIES, isChartId, NO_TEAM_LABEL, NONE_LABEL, type ChartId } from './catalog';
import { chartNotFound, effectiveBucket } from './charts';
import { Params, queryContext, run, type QueryContext } from './context';
import { parseFilters, type QueryInput } from './filters';
import { slotOf } from './prepare';
import { addDays } from './time';

/**
 * Drill-down: the stored records behind one bucket (or category) and series of a chart. The only
 * reader of raw rows besides filtered charts; keyset-paginated on (time, key) over the
 * (org, team, time) / (org, user, time) indexes. Prompt text only for prompts:read.
 */
export type DrillValue = string | number | boolean | null | string[];
export type DrillRecord = Record<string, DrillValue>;

export interface DrillColumn {
  key: string;
  label: string;
}

export interface DrillResult {
  chart: ChartId;
  x: string;
  series: string;
  /** What the records are: telemetry events, prompt records, activity days, findings or users. */
  source: 'telemetry' | 'prompt' | 'activity' | 'privacy' | 'user';
  columns: DrillColumn[];
  records: DrillRecord[];
  nextCursor: string | null;
  /** True when prompt text exists but the caller may not read it. */
  promptTextHidden: boolean;
}

const drillSchema = z.object({
  x: z.string().min(1, 'Which bucket or category (x).').max(10_000),
  series: z.string().max(300).optional(),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

type Source = DrillResult['source'];

interface Plan {
  source: Source;
  /** Extra conditions on the record table (alias r), with their parameters already added. */
  conditions: string[];
}

function equalsOrNone(p: Params, column: string, x: string): string {
  return x === NONE_LABEL ? `coalesce(r.${column}, '') = ''` : `r.${column} = ${p.add(x)}`;
}

function plan(chart: ChartId, x: string, series: string, p: Params): Plan {
  const telemetry = (...conditions: string[]): Plan => ({ source: 'telemetry', conditions });
  const prompt = (...conditions: string[]): Plan => ({ source: 'prompt', conditions });
  switch (chart) {
    case 'telemetry-events':
      return telemetry(`r.kind = ${p.add(series)}`);
    case 'errors':
      return telemetry(`r.kind = 'error'`);
    case 'commands':
      return telemetry(`r.kind = 'command_executed'`, `coalesce(r.decision, '') = ${p.add(series)}`);
    case 'feature-usage':
      return telemetry(`r.kind = 'feature_used'`, equalsOrNone(p, 'feature', x));
    case 'top-errors':
      return telemetry(`r.kind = 'error'`, equalsOrNone(p, 'message', x));
    case 'os':
      return telemetry(equalsOrNone(p, 'os', x));
    case 'clients': {
      const at = x.lastIndexOf('@');
      const client = at > 0 ? x.slice(0, at) : x;
      const version = at > 0 ? x.slice(at + 1) : '';
      return telemetry(equalsOrNone(p, 'client', client), version ? `r.client_version = ${p.add(version)}` : `coalesce(r.client_version, '') = ''`);
    }
    case 'performance': {
      const name = series.includes(' · ') ? series.slice(series.indexOf(' · ') + 3) : series;
      return telemetry(`r.kind = 'performance'`, name === NONE_LABEL ? `coalesce(r.name, '') = ''` : `r.name = ${p.add(name)}`);
    }
    case 'compliance': {
      if (!(COMPLIANCE_SERIES as readonly string[]).includes(series)) throw new BadRequestError(`Series is one of ${COMPLIANCE_SERIES.join(', ')}.`);
      if (series === 'privacy-findings') return { source: 'privacy', conditions: [] };
      if (series === 'secrets-in-prompts') return prompt('r.secrets_masked > 0');
      if (series === 'telemetry-while-disabled') return telemetry('r.telemetry_disabled');
      return telemetry(`r.kind = 'command_executed'`, series === 'dangerous-commands' ? 'r.dangerous' : 'r.untrusted', `r.decision <> 'denied'`);
    }
    case 'prompts':
      return prompt(`r.kind = ${p.add(series)}`);
    case 'prompts-by-team':
      return prompt(
        x === NO_TEAM_LABEL ? 'r.team_id IS NULL' : `r.team_id IN (SELECT id FROM team WHERE org_id = r.org_id AND name = ${p.add(x)})`,
        ...(series ? [`r.kind = ${p.add(series)}`] : []),
      );
    case 'top-users':
      return prompt(`r.user_key = ${p.add(x)}`);
    case 'trigger-types':
      return prompt(equalsOrNone(p, 'trigger_type', x));
    case 'models':
      return prompt(equalsOrNone(p, 'model_id', x));
    case 'activity':
      return { source: 'activity', conditions: [] };
    case 'active-users':
      return { source: 'user', conditions: [] };
  }
}

const COLUMNS: Record<Source, DrillColumn[]> = {
  telemetry: [
    { key: 'time', label: 'Time' },
    { key: 'user', label: 'User' },
    { key: 'team', label: 'Team' },
    { key: 'kind', label: 'Kind' },
    { key: 'detail', label: 'Detail' },
    { key: 'decision', label: 'Decision' },
    { key: 'flagged', label: 'Flagged by' },
    { key: 'client', label: 'Client' },
    { key: 'upload', label: 'Upload' },
  ],
  prompt: [
    { key: 'time', label: 'Time' },
    { key: 'user', label: 'User' },
    { key: 'team', label: 'Team' },
    { key: 'kind', label: 'Kind' },
    { key: 'trigger', label: 'Trigger' },
    { key: 'model', label: 'Model' },
    { key: 'secretsMasked', label: 'Secrets masked' },
    { key: 'prompt', label: 'Prompt' },
    { key: 'upload', label: 'Upload' },
  ],
  activity: [
    { key: 'day', label: 'Day' },
    { key: 'user', label: 'User' },
    { key: 'team', label: 'Team' },
    { key: 'client', label: 'Client' },
    { key: 'metrics', label: 'Counters' },
    { key: 'upload', label: 'Upload' },
  ],
  privacy: [
    { key: 'time', label: 'Time' },
    { key: 'event', label: 'Event' },
    { key: 'field', label: 'Field' },
    { key: 'rule', label: 'Rule' },
    { key: 'team', label: 'Team' },
    { key: 'upload', label: 'Upload' },
  ],
  user: [
    { key: 'day', label: 'Day' },
    { key: 'user', label: 'User' },
    { key: 'team', label: 'Team' },
    { key: 'source', label: 'Source' },
    { key: 'events', label: 'Records' },
  ],
};

interface Window {
  start: Date;
  end: Date;
  /** UTC days for day-granular sources. */
  fromDay: string;
  toDayExclusive: string;
}

function windowOf(ctx: QueryContext, chart: ChartId, x: string): Window {
  const info = CHARTS[chart];
  const range = ctx.filters.range;
  if (info.kind === 'category') {
    return { start: ctx.start, end: ctx.end, fromDay: range.from, toDayExclusive: addDays(range.to, 1) };
  }
  const bucket = effectiveBucket(chart, ctx.filters.bucket);
  const slot = slotOf(range, bucket, x);
  if (!slot) throw new ValidationError('The bucket is not in the range.', [{ path: 'x', message: `"${x.slice(0, 60)}" is not a ${bucket} bucket of ${range.from}…${range.to}.` }]);
  if (info.daily) {
    const end = bucket === 'week' ? addDays(x, 7) : addDays(x, 1);
    return { start: slot.start ? new Date(slot.start) : ctx.start, end: new Date(slot.end), fromDay: x < range.from ? range.from : x, toDayExclusive: end > addDays(range.to, 1) ? addDays(range.to, 1) : end };
  }
  // Weeks may start before `from`: clip to the range.
  return { start: new Date(Math.max(slot.start, ctx.start.getTime())), end: new Date(Math.min(slot.end, ctx.end.getTime())), fromDay: range.from, toDayExclusive: addDays(range.to, 1) };
}

function encodeCursor(t: string, k: string): string {
  return Buffer.from(JSON.stringify([t, k])).toString('base64url');
}
function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return [value[0], value[1]];
  } catch {
    // fall through
  }
  throw new ValidationError('The cursor is not valid.', [{ path: 'cursor', message: 'Use the nextCursor of the previous page.' }]);
}

function filterConditions(ctx: QueryContext, p: Params, source: Source): string[] {
  const out: string[] = [];
  if (ctx.team) out.push(`r.team_id = ${p.add(ctx.team.id)}::uuid`);
  if (ctx.filters.user) out.push(`r.user_key = ${p.add(ctx.filters.user)}`);
  if (ctx.filters.client && source === 'telemetry') out.push(`r.client = ${p.add(ctx.filters.client)}`);
  if (ctx.filters.client && source === 'activity') out.push(`r.client_type = ${p.add(ctx.filters.client)}`);
  return out;
}

interface Row {
  t: string;
  k: string;
  [key: string]: unknown;
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** The records behind a point of a chart, newest first. */
export async function drillDown(actor: Actor, chart: string, input: QueryInput): Promise<DrillResult> {
  if (!isChartId(chart)) throw chartNotFound(chart);
  const filters = parseFilters(input);
  const flat = input instanceof URLSearchParams ? Object.fromEntries(input) : Object.fromEntries(Object.entries(input).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = drillSchema.safeParse(flat);
  if (!parsed.success) throw new ValidationError('The drill-down is not valid.', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  const { x, cursor, limit = 25 } = parsed.data;
  const series = parsed.data.series ?? '';
  const ctx = await queryContext(actor, filters);
  const p = new Params();
  const { source, conditions } = plan(chart, x, series, p);
  const w = windowOf(ctx, chart, x);
  const canReadPrompts = can(actor, 'prompts:read');
  const where = [`r.org_id = ${p.add(ctx.orgId)}`, ...conditions, ...(source === 'user' ? filterConditions(ctx, p, source).filter((c) => !c.includes('client')) : filterConditions(ctx, p, source))];
  const after = cursor ? decodeCursor(cursor) : null;
  const joins = `LEFT JOIN team tm ON tm.org_id = r.org_id AND tm.id = r.team_id`;
  const upload = `LEFT JOIN upload u ON u.org_id = r.org_id AND u.id = r.upload_id`;
  let sql: string;
  if (source === 'telemetry' || source === 'prompt' || source === 'privacy') {
    where.push(`r.ts >= ${p.add(chart === 'top-errors' ? new Date(`${w.fromDay}T00:00:00Z`) : w.start)}`, `r.ts < ${p.add(chart === 'top-errors' ? new Date(`${w.toDayExclusive}T00:00:00Z`) : w.end)}`);
    const key = source === 'telemetry' ? 'r.event_id' : source === 'prompt' ? 'r.request_id' : `r.event_id || '|' || r.field || '|' || r.rule`;
    if (after) where.push(`(r.ts, ${key}) < (${p.add(after[0])}::timestamptz, ${p.add(after[1])})`);
    const table = source === 'telemetry' ? 'telemetry_event' : source === 'prompt' ? 'prompt_log_record' : 'privacy_finding';
    const fields =
      source === 'telemetry'
        ? `r.user_key, r.kind, r.feature, r.name, r.message, r.command, r.decision, r.dangerous, r.danger_reasons, r.untrusted, r.policy_ref, r.telemetry_disabled, r.client, r.client_version, r.os, r.duration_ms`
        : source === 'prompt'
          ? `r.user_key, r.kind, r.trigger_type, r.model_id, r.secrets_masked, ${canReadPrompts ? 'r.prompt, r.response' : 'NULL::text AS prompt, NULL::text AS response'}, (r.prompt IS NOT NULL OR r.response IS NOT NULL) AS has_text`
          : `r.event_id, r.field, r.rule`;
    sql = `SELECT to_char(r.ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS t, ${key} AS k, ${fields}, tm.name AS team, u.file_name AS upload_name, r.upload_id
             FROM ${table} r ${joins} ${upload} WHERE ${where.join(' AND ')} ORDER BY r.ts DESC, k DESC LIMIT ${p.add(limit + 1)}`;
  } else {
    where.push(`r.day >= ${p.add(w.fromDay)}::date`, `r.day < ${p.add(w.toDayExclusive)}::date`);
    const key = source === 'activity' ? `r.user_key || '|' || r.client_type` : `r.user_key || '|' || r.source || '|' || r.team_id`;
    if (after) where.push(`(r.day, ${key}) < (${p.add(after[0])}::date, ${p.add(after[1])})`);
    sql =
      source === 'activity'
        ? `SELECT to_char(r.day, 'YYYY-MM-DD') AS t, ${key} AS k, r.user_key, r.email, r.client_type, r.metrics, tm.name AS team, u.file_name AS upload_name, r.upload_id
             FROM user_activity_day r ${joins} ${upload} WHERE ${where.join(' AND ')} ORDER BY r.day DESC, k DESC LIMIT ${p.add(limit + 1)}`
        : `SELECT to_char(r.day, 'YYYY-MM-DD') AS t, ${key} AS k, r.user_key, r.source, r.events, tm.name AS team
             FROM daily_active_user r ${joins} WHERE ${where.join(' AND ')} ORDER BY r.day DESC, k DESC LIMIT ${p.add(limit + 1)}`;
  }
  const rows = await run<Row>(sql, p);
  const page = rows.slice(0, limit);
  let promptTextHidden = false;
  const records = page.map((r): DrillRecord => {
    const uploadRef = str(r.upload_name) ?? str(r.upload_id);
    switch (source) {
      case 'telemetry': {
        const flagged = [...((r.danger_reasons as string[] | null) ?? []), ...(r.untrusted ? [`not trusted by ${str(r.policy_ref) ?? 'the policy'}`] : []), ...(r.telemetry_disabled ? ['telemetry disabled by policy'] : [])];
        return {
          time: r.t,
          user: str(r.user_key),
          team: str(r.team) ?? NO_TEAM_LABEL,
          kind: str(r.kind),
          detail: str(r.command) ?? str(r.message) ?? ([str(r.feature), str(r.name)].filter(Boolean).join(' · ') || null),
          decision: str(r.decision),
          flagged,
          client: [str(r.client), str(r.client_version), str(r.os)].filter(Boolean).join(' · ') || null,
          durationMs: r.duration_ms === null || r.duration_ms === undefined ? null : Number(r.duration_ms),
          upload: uploadRef,
          uploadId: str(r.upload_id),
        };
      }
      case 'prompt': {
        if (!canReadPrompts && r.has_text) promptTextHidden = true;
        return {
          time: r.t,
          user: str(r.user_key),
          team: str(r.team) ?? NO_TEAM_LABEL,
          kind: str(r.kind),
          trigger: str(r.trigger_type),
          model: str(r.model_id),
          secretsMasked: Number(r.secrets_masked ?? 0),
          ...(canReadPrompts ? { prompt: str(r.prompt), response: str(r.response) } : {}),
          upload: uploadRef,
          uploadId: str(r.upload_id),
        };
      }
      case 'privacy':
        return { time: r.t, event: str(r.event_id), field: str(r.field), rule: str(r.rule), team: str(r.team) ?? NO_TEAM_LABEL, upload: uploadRef, uploadId: str(r.upload_id) };
      case 'activity': {
        const metrics = (r.metrics ?? {}) as Record<string, number>;
        const counters = Object.entries(metrics).filter(([, v]) => Number(v) !== 0).map(([k, v]) => `${k}=${v}`);
        return { day: r.t, user: str(r.email) ?? str(r.user_key), team: str(r.team) ?? NO_TEAM_LABEL, client: str(r.client_type), metrics: counters, upload: uploadRef, uploadId: str(r.upload_id) };
      }
      case 'user':
        return { day: r.t, user: str(r.user_key), team: str(r.team) ?? NO_TEAM_LABEL, source: str(r.source), events: Number(r.events) };
    }
  });
  const last = page[page.length - 1];
  const columns = source === 'prompt' && !canReadPrompts ? COLUMNS.prompt.filter((c) => c.key !== 'prompt') : COLUMNS[source];
  return { chart, x, series, source, columns, records, nextCursor: rows.length > limit && last ? encodeCursor(last.t, last.k) : null, promptTextHidden };
}
