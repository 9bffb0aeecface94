import { ACTIVITY_COLUMNS } from './activity';
import type { RecordKind } from './formats';
import { PROMPT_COLUMNS } from './prompt-log';
import { TELEMETRY_COLUMNS } from './telemetry';

/**
 * The SQL of storage: per record table, its columns, its partition key, and the rollups it
 * feeds. Rollups are written from a relation `src` holding the affected rows — the rows an
 * INSERT … ON CONFLICT DO NOTHING actually inserted, or the rows a DELETE removed — with the sign
 * of the change, so an upload and its deletion move every counter by exactly the same amount.
 */
export const NO_TEAM = '00000000-0000-0000-0000-000000000000';

export interface RecordTable {
  table: 'telemetry_event' | 'prompt_log_record' | 'user_activity_day';
  columns: readonly string[];
  /** The partition key column. */
  partitionBy: 'ts' | 'day';
  /** The columns of the primary key (the de-duplication key). */
  key: readonly string[];
}

export const RECORD_TABLES: Record<RecordKind, RecordTable> = {
  telemetry: { table: 'telemetry_event', columns: TELEMETRY_COLUMNS, partitionBy: 'ts', key: ['org_id', 'event_id', 'ts'] },
  prompt: { table: 'prompt_log_record', columns: PROMPT_COLUMNS, partitionBy: 'ts', key: ['org_id', 'request_id', 'ts'] },
  activity: { table: 'user_activity_day', columns: ACTIVITY_COLUMNS, partitionBy: 'day', key: ['org_id', 'user_key', 'day', 'client_type'] },
};

export const ROLLUP_TABLES = [
  'telemetry_hourly', 'latency_hourly', 'command_hourly', 'daily_active_user', 'prompt_hourly', 'activity_daily',
  'client_version_hourly', 'telemetry_text_daily', 'telemetry_dim_daily', 'latency_daily', 'command_daily', 'prompt_daily',
] as const;

type Sign = 1 | -1;

// date_bin is plain arithmetic (date_trunc with a time zone converts every row).
const hour = `date_bin('1 hour', ts, '2000-01-01 00:00:00+00')`;
const dayOfTs = `(ts AT TIME ZONE 'UTC')::date`;
const team = `coalesce(team_id, '${NO_TEAM}'::uuid)`;
const text = `coalesce(CASE WHEN kind = 'error' THEN message ELSE command END, '')`;

/**
 * INSERT … ON CONFLICT that adds `counters` to the rollup row of `keys`; `extra` columns are
 * written when the row is new and left alone after (e.g. a sample text). `select` yields the
 * columns in the order keys, extra, counters; `±` in it becomes the sign of the change.
 */
function upsert(table: string, keys: string[], counters: string[], select: string, sign: Sign, extra: string[] = []): string {
  const s = sign === 1 ? '' : '-';
  const selectSigned = select.replaceAll('±', s);
  return `INSERT INTO ${table} AS r (${[...keys, ...extra, ...counters].join(', ')}) ${selectSigned}
    ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${counters.map((c) => `${c} = r.${c} + EXCLUDED.${c}`).join(', ')}`;
}

/** The rollup statements (as CTE bodies reading `src`) of a record table. */
export function rollupCtes(kind: RecordKind, sign: Sign): string[] {
  const group = (n: number) => `GROUP BY ${Array.from({ length: n }, (_, i) => i + 1).join(', ')}`;
  if (kind === 'telemetry') {
    return [
      upsert(
        'telemetry_hourly',
        ['org_id', 'hour', 'team_id', 'kind', 'feature', 'name', 'client', 'os'],
        ['events', 'while_disabled', 'privacy_findings'],
        `SELECT org_id, ${hour}, ${team}, kind, coalesce(feature, ''), coalesce(name, ''), coalesce(client, ''), coalesce(os, ''),
                ±count(*), ±count(*) FILTER (WHERE telemetry_disabled), ±coalesce(sum(cardinality(privacy)), 0)
           FROM src ${group(8)}`,
        sign,
      ),
      upsert(
        'latency_hourly',
        ['org_id', 'hour', 'team_id', 'kind', 'name', 'bucket'],
        ['events'],
        `SELECT org_id, ${hour}, ${team}, kind, coalesce(name, ''), latency_bucket(duration_ms), ±count(*)
           FROM src WHERE duration_ms IS NOT NULL ${group(6)}`,
        sign,
      ),
      upsert(
        'command_hourly',
        ['org_id', 'hour', 'team_id', 'decision', 'dangerous', 'untrusted'],
        ['events'],
        `SELECT org_id, ${hour}, ${team}, coalesce(decision, ''), coalesce(dangerous, false), coalesce(untrusted, false), ±count(*)
           FROM src WHERE kind = 'command_executed' ${group(6)}`,
        sign,
      ),
      upsert(
        'daily_active_user',
        ['org_id', 'day', 'team_id', 'source', 'user_key'],
        ['events'],
        `SELECT org_id, ${dayOfTs}, ${team}, 'telemetry', user_key, ±count(*) FROM src WHERE user_key IS NOT NULL ${group(5)}`,
        sign,
      ),
      upsert(
        'client_version_hourly',
        ['org_id', 'hour', 'team_id', 'client', 'client_version'],
        ['events'],
        `SELECT org_id, ${hour}, ${team}, coalesce(client, ''), coalesce(client_version, ''), ±count(*) FROM src ${group(5)}`,
        sign,
      ),
      // The most frequent error messages and commands per day (with a sample of the text).
      upsert(
        'telemetry_text_daily',
        ['org_id', 'kind', 'day', 'team_id', 'text_hash', 'decision', 'dangerous', 'untrusted'],
        ['events'],
        `SELECT org_id, kind, ${dayOfTs}, ${team}, md5(${text}), coalesce(decision, ''), coalesce(dangerous, false), coalesce(untrusted, false), min(${text}), ±count(*)
           FROM src WHERE kind IN ('error', 'command_executed') ${group(8)}`,
        sign,
        ['text'],
      ),
      // One row per day and value of each filterable dimension, so a 90-day chart reads days, not hours.
      upsert(
        'telemetry_dim_daily',
        ['org_id', 'dim', 'day', 'team_id', 'client', 'value'],
        ['events', 'while_disabled', 'privacy_findings'],
        `SELECT org_id, d.dim, ${dayOfTs}, ${team}, coalesce(client, ''), d.value,
                ±count(*), ±count(*) FILTER (WHERE telemetry_disabled), ±coalesce(sum(cardinality(privacy)), 0)
           FROM src, LATERAL (VALUES ('kind', kind), ('feature', CASE WHEN kind = 'feature_used' THEN coalesce(feature, '') END),
                                     ('os', coalesce(os, '')), ('version', coalesce(client_version, ''))) AS d(dim, value)
          WHERE d.value IS NOT NULL ${group(6)}`,
        sign,
      ),
      upsert(
        'latency_daily',
        ['org_id', 'day', 'team_id', 'name', 'bucket'],
        ['events'],
        `SELECT org_id, ${dayOfTs}, ${team}, coalesce(name, ''), latency_bucket(duration_ms), ±count(*)
           FROM src WHERE kind = 'performance' AND duration_ms IS NOT NULL ${group(5)}`,
        sign,
      ),
      upsert(
        'command_daily',
        ['org_id', 'day', 'team_id', 'client', 'decision', 'dangerous', 'untrusted'],
        ['events'],
        `SELECT org_id, ${dayOfTs}, ${team}, coalesce(client, ''), coalesce(decision, ''), coalesce(dangerous, false), coalesce(untrusted, false), ±count(*)
           FROM src WHERE kind = 'command_executed' ${group(7)}`,
        sign,
      ),
      // Findings rows: inserted with their events, removed with them (by upload) on delete.
      ...(sign === 1
        ? [
            `INSERT INTO privacy_finding (org_id, event_id, ts, field, rule, upload_id, team_id)
             SELECT org_id, event_id, ts, split_part(p, ':', 1), split_part(p, ':', 2), upload_id, team_id
               FROM src, unnest(src.privacy) AS p WHERE cardinality(src.privacy) > 0
             ON CONFLICT DO NOTHING`,
          ]
        : []),
    ];
  }
  if (kind === 'prompt') {
    return [
      upsert(
        'prompt_daily',
        ['org_id', 'day', 'team_id', 'kind', 'trigger_type', 'model_id'],
        ['prompts', 'secrets_masked'],
        `SELECT org_id, ${dayOfTs}, ${team}, kind, coalesce(trigger_type, ''), coalesce(model_id, ''), ±count(*), ±coalesce(sum(secrets_masked), 0)
           FROM src ${group(6)}`,
        sign,
      ),
      upsert(
        'prompt_hourly',
        ['org_id', 'hour', 'team_id', 'kind', 'trigger_type', 'model_id', 'user_key'],
        ['prompts', 'secrets_masked'],
        `SELECT org_id, ${hour}, ${team}, kind, coalesce(trigger_type, ''), coalesce(model_id, ''), user_key, ±count(*), ±sum(secrets_masked)
           FROM src ${group(7)}`,
        sign,
      ),
      upsert(
        'daily_active_user',
        ['org_id', 'day', 'team_id', 'source', 'user_key'],
        ['events'],
        `SELECT org_id, ${dayOfTs}, ${team}, 'prompt-log', user_key, ±count(*) FROM src ${group(5)}`,
        sign,
      ),
    ];
  }
  return [
    upsert(
      'activity_daily',
      ['org_id', 'day', 'team_id', 'source', 'client_type', 'metric'],
      ['value', 'users'],
      `SELECT org_id, day, ${team}, source, client_type, m.key, ±sum((m.value #>> '{}')::float8), ±count(*)
         FROM src, jsonb_each(src.metrics) AS m ${group(6)}`,
      sign,
    ),
    upsert(
      'daily_active_user',
      ['org_id', 'day', 'team_id', 'source', 'user_key'],
      ['events'],
      `SELECT org_id, day, ${team}, 'activity', user_key, ±count(*) FROM src ${group(5)}`,
      sign,
    ),
  ];
}

/** What the result reports, counted over `src`. */
function summarySelect(kind: RecordKind): string {
  if (kind === 'telemetry') {
    return `SELECT count(*)::int AS inserted,
                   (count(*) FILTER (WHERE dangerous))::int AS dangerous,
                   (count(*) FILTER (WHERE untrusted))::int AS untrusted,
                   (count(*) FILTER (WHERE telemetry_disabled))::int AS while_disabled,
                   coalesce(sum(cardinality(privacy)), 0)::int AS privacy,
                   0 AS secrets
              FROM src`;
  }
  if (kind === 'prompt') return `SELECT count(*)::int AS inserted, 0 AS dangerous, 0 AS untrusted, 0 AS while_disabled, 0 AS privacy, coalesce(sum(secrets_masked), 0)::int AS secrets FROM src`;
  return `SELECT count(*)::int AS inserted, 0 AS dangerous, 0 AS untrusted, 0 AS while_disabled, 0 AS privacy, 0 AS secrets FROM src`;
}

export interface BatchSummary {
  inserted: number;
  dangerous: number;
  untrusted: number;
  while_disabled: number;
  privacy: number;
  secrets: number;
}

/** The columns the rollups read, returned by INSERT/DELETE … RETURNING. */
const RETURNED: Record<RecordKind, string> = {
  telemetry: 'org_id, ts, event_id, upload_id, team_id, user_key, client, client_version, os, kind, feature, name, duration_ms, message, command, decision, dangerous, untrusted, telemetry_disabled, privacy',
  prompt: 'org_id, ts, team_id, kind, trigger_type, model_id, user_key, secrets_masked',
  activity: 'org_id, day, team_id, source, client_type, user_key, metrics',
};

function withSrc(kind: RecordKind, source: string, sign: Sign, select = summarySelect(kind)): string {
  const ctes = rollupCtes(kind, sign).map((body, i) => `r${i} AS (${body})`);
  return `WITH src AS (${source}), ${ctes.join(',\n')}\n${select}`;
}

/**
 * Uploads, upload deletes and identity re-application of an organization hold this lock for
 * their transaction, so they run one at a time: two identical uploads at once store one copy,
 * and a re-application never moves records an upload is still adding.
 */
export const LOCK_ORGANIZATION_RECORDS_SQL = 'SELECT pg_advisory_xact_lock(1928791, hashtext($1))';

/**
 * Staging → record table, skipping duplicates, and the rollups of what was inserted: one
 * statement. It answers `select` over `src` (the inserted rows): by default the result's counts.
 */
export function insertFromStagingSql(kind: RecordKind, staging: string, select?: string): string {
  const { table, columns } = RECORD_TABLES[kind];
  const list = columns.join(', ');
  return withSrc(kind, `INSERT INTO ${table} (${list}) SELECT ${list} FROM ${staging} ON CONFLICT DO NOTHING RETURNING ${RETURNED[kind]}`, 1, select);
}

/** Deletes an upload's records ($1 org, $2 upload) and subtracts them from the rollups: one statement. */
export function deleteUploadRecordsSql(kind: RecordKind): string {
  const { table } = RECORD_TABLES[kind];
  return withSrc(kind, `DELETE FROM ${table} WHERE org_id = $1 AND upload_id = $2 RETURNING ${RETURNED[kind]}`, -1);
}

/** Rollups for rows of `table` selected by `where` (parameters as the caller binds them). */
export function rollupForSelectionSql(kind: RecordKind, where: string, sign: Sign): string {
  const { table } = RECORD_TABLES[kind];
  return withSrc(kind, `SELECT ${RETURNED[kind]} FROM ${table} t WHERE ${where}`, sign);
}

/** Rollup rows whose counters all went back to zero (after a delete). */
export const PRUNE_ROLLUPS_SQL: Record<RecordKind, string[]> = {
  telemetry: [
    'DELETE FROM telemetry_hourly WHERE org_id = $1 AND events = 0',
    'DELETE FROM latency_hourly WHERE org_id = $1 AND events = 0',
    'DELETE FROM command_hourly WHERE org_id = $1 AND events = 0',
    "DELETE FROM daily_active_user WHERE org_id = $1 AND source = 'telemetry' AND events = 0",
    'DELETE FROM client_version_hourly WHERE org_id = $1 AND events = 0',
    'DELETE FROM telemetry_text_daily WHERE org_id = $1 AND events = 0',
    'DELETE FROM telemetry_dim_daily WHERE org_id = $1 AND events = 0',
    'DELETE FROM latency_daily WHERE org_id = $1 AND events = 0',
    'DELETE FROM command_daily WHERE org_id = $1 AND events = 0',
  ],
  prompt: [
    'DELETE FROM prompt_hourly WHERE org_id = $1 AND prompts = 0',
    'DELETE FROM prompt_daily WHERE org_id = $1 AND prompts = 0',
    "DELETE FROM daily_active_user WHERE org_id = $1 AND source = 'prompt-log' AND events = 0",
  ],
  activity: ['DELETE FROM activity_daily WHERE org_id = $1 AND users = 0', "DELETE FROM daily_active_user WHERE org_id = $1 AND source = 'activity' AND events = 0"],
};
