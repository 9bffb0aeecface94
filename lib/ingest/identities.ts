import 'server-only';
import { parse } from 'csv-parse/sync';
import { auditAppendStatement } from '@/lib/audit/record';
import { assertCan, can, type Actor } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db/client';
import { BadRequestError, ValidationError, type ValidationIssue } from '@/lib/errors';
import { LOCK_ORGANIZATION_RECORDS_SQL, PRUNE_ROLLUPS_SQL, rollupForSelectionSql } from './sql';

/**
 * The identity map: CSV `userId,email,team` (header optional). `userId` is a prompt-log id
 * (`d-xxxx.<guid>`), an activity-report guid, or an e-mail (telemetry's `user`); `team` a team
 * slug (or empty). Later uploads use it; importing it also moves every record already stored
 * (telemetry, prompt logs, activity) whose user the map names to the mapped team, with their
 * rollups, in the same transaction: the map is the admin's latest word on who belongs where.
 */
export interface IdentityImportResult {
  imported: number;
  errors: { line: number; message: string }[];
  movedRecords: number;
}

export function identityKey(userId: string): string {
  return userId.trim().replace(/^d-[0-9a-z]+\./i, '').toLowerCase();
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function importIdentities(actor: Actor, bytes: Buffer): Promise<IdentityImportResult> {
  assertCan(actor, 'uploads:write');
  let rows: string[][];
  try {
    rows = parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    throw new BadRequestError(`The identity map is not valid CSV: ${(error as Error).message}`);
  }
  if (!rows.length) throw new BadRequestError('The identity map is empty: send CSV lines userId,email,team.', undefined, 'empty_file');
  const hasHeader = (rows[0]![0] ?? '').toLowerCase() === 'userid';
  const pool = getPool();
  const teams = await pool.query<{ id: string; slug: string }>('SELECT id, slug FROM team WHERE org_id = $1', [actor.orgId]);
  const teamBySlug = new Map(teams.rows.map((t) => [t.slug, t.id]));
  const entries = new Map<string, { email: string | null; teamId: string | null }>();
  const errors: IdentityImportResult['errors'] = [];
  rows.forEach((row, index) => {
    if (hasHeader && index === 0) return;
    const line = index + 1;
    const [userId = '', emailCell = '', teamCell = ''] = row;
    if (!userId) return void errors.push({ line, message: 'userId is empty' });
    const email = emailCell ? emailCell.toLowerCase() : null;
    if (email && !EMAIL.test(email)) return void errors.push({ line, message: `"${email}" is not an e-mail address` });
    let teamId: string | null = null;
    if (teamCell) {
      teamId = teamBySlug.get(teamCell.toLowerCase()) ?? null;
      if (!teamId) return void errors.push({ line, message: `there is no team "${teamCell}"` });
    }
    entries.set(identityKey(userId), { email, teamId });
  });
  if (errors.length) {
    const issues: ValidationIssue[] = errors.slice(0, 100).map((e) => ({ path: `line ${e.line}`, message: e.message }));
    throw new ValidationError(`${errors.length} line${errors.length > 1 ? 's' : ''} of the identity map are invalid; nothing was imported.`, issues);
  }
  if (entries.size > 200_000) throw new BadRequestError('The identity map holds more than 200,000 people; split it.');

  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    await client.query(LOCK_ORGANIZATION_RECORDS_SQL, [actor.orgId]);
    const keys = [...entries.keys()];
    await client.query(
      `INSERT INTO identity (org_id, user_key, email, team_id, updated_at)
       SELECT $1, k, e, t, now() FROM unnest($2::text[], $3::text[], $4::uuid[]) AS x(k, e, t)
       ON CONFLICT (org_id, user_key) DO UPDATE SET email = EXCLUDED.email, team_id = EXCLUDED.team_id, updated_at = now()`,
      [actor.orgId, keys, keys.map((k) => entries.get(k)!.email), keys.map((k) => entries.get(k)!.teamId)],
    );
    const movedRecords = await reapply(client, actor.orgId);
    const audit = auditAppendStatement({ orgId: actor.orgId, actor, action: 'identities.imported', details: { entries: keys.length, movedRecords } });
    await client.query(audit.text, audit.values);
    await client.query('COMMIT');
    return { imported: keys.length, errors: [], movedRecords };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken ? true : undefined);
  }
}

/** Moves records whose identity now names another team: rollups out of the old team, into the new. */
async function reapply(client: import('pg').PoolClient, orgId: string): Promise<number> {
  let moved = 0;
  const plans = [
    {
      kind: 'telemetry' as const,
      table: 'telemetry_event',
      keys: ['event_id', 'ts'],
    },
    {
      kind: 'prompt' as const,
      table: 'prompt_log_record',
      keys: ['request_id', 'ts'],
    },
    {
      kind: 'activity' as const,
      table: 'user_activity_day',
      keys: ['user_key', 'day', 'client_type'],
    },
  ];
  for (const plan of plans) {
    const temp = `moved_${plan.kind}`;
    await client.query(`DROP TABLE IF EXISTS ${temp}`);
    const created = await client.query(
      `CREATE TEMP TABLE ${temp} ON COMMIT DROP AS
       SELECT ${plan.keys.map((k) => `r.${k}`).join(', ')}, i.team_id AS new_team
         FROM ${plan.table} r JOIN identity i ON i.org_id = r.org_id AND i.user_key = r.user_key
        WHERE r.org_id = $1 AND i.team_id IS NOT NULL AND r.team_id IS DISTINCT FROM i.team_id`,
      [orgId],
    );
    const count = created.rowCount ?? 0;
    if (!count) continue;
    moved += count;
    const where = `t.org_id = $1 AND (${plan.keys.map((k) => `t.${k}`).join(', ')}) IN (SELECT ${plan.keys.join(', ')} FROM ${temp})`;
    await client.query(rollupForSelectionSql(plan.kind, where, -1), [orgId]);
    await client.query(
      `UPDATE ${plan.table} r SET team_id = m.new_team FROM ${temp} m WHERE r.org_id = $1 AND ${plan.keys.map((k) => `r.${k} = m.${k}`).join(' AND ')}`,
      [orgId],
    );
    await client.query(rollupForSelectionSql(plan.kind, where, 1), [orgId]);
    for (const sql of PRUNE_ROLLUPS_SQL[plan.kind]) await client.query(sql, [orgId]);
  }
  return moved;
}

export interface IdentityView {
  userKey: string;
  email: string | null;
  team: string | null;
  updatedAt: string;
}

export async function listIdentities(actor: Actor, limit = 500): Promise<{ total: number; identities: IdentityView[] }> {
  if (!can(actor, 'uploads:write')) assertCan(actor, 'reports:read');
  const pool = getPool();
  const [rows, total] = await Promise.all([
    pool.query<{ user_key: string; email: string | null; slug: string | null; updated_at: Date }>(
      'SELECT i.user_key, i.email, t.slug, i.updated_at FROM identity i LEFT JOIN team t ON t.id = i.team_id WHERE i.org_id = $1 ORDER BY i.user_key LIMIT $2',
      [actor.orgId, limit],
    ),
    pool.query<{ n: number }>('SELECT count(*)::int AS n FROM identity WHERE org_id = $1', [actor.orgId]),
  ]);
  return { total: total.rows[0]?.n ?? 0, identities: rows.rows.map((r) => ({ userKey: r.user_key, email: r.email, team: r.slug, updatedAt: r.updated_at.toISOString() })) };
}
