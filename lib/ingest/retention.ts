import 'server-only';
import { z } from 'zod';
import { auditAppendStatement } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db/client';
import { parseWith } from '@/lib/http/json';

/**
 * Retention per organization: records (events, prompt-log records, activity days, privacy
 * findings) older than N days are purged; the rollups are kept, so charts still show the past.
 * Default: keep everything.
 */
export const retentionSchema = z.object({ retentionDays: z.number().int().min(1).max(36_500).nullable() });

export async function getRetention(actor: Actor): Promise<{ retentionDays: number | null }> {
  assertCan(actor, 'reports:read');
  const { rows } = await getPool().query<{ retention_days: number | null }>('SELECT retention_days FROM ingest_settings WHERE org_id = $1', [actor.orgId]);
  return { retentionDays: rows[0]?.retention_days ?? null };
}

export async function setRetention(actor: Actor, input: unknown): Promise<{ retentionDays: number | null; purged: number }> {
  assertCan(actor, 'uploads:delete');
  const { retentionDays } = parseWith(retentionSchema, input, 'The retention');
  const client = await getPool().connect();
  try {
    await client.query('BEGIN');
    const before = await client.query<{ retention_days: number | null }>('SELECT retention_days FROM ingest_settings WHERE org_id = $1 FOR UPDATE', [actor.orgId]);
    await client.query(
      `INSERT INTO ingest_settings (org_id, retention_days, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (org_id) DO UPDATE SET retention_days = EXCLUDED.retention_days, updated_at = now()`,
      [actor.orgId, retentionDays],
    );
    const audit = auditAppendStatement({ orgId: actor.orgId, actor, action: 'retention.changed', before: { retentionDays: before.rows[0]?.retention_days ?? null }, after: { retentionDays } });
    await client.query(audit.text, audit.values);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  return { retentionDays, purged: await applyRetention(actor.orgId) };
}

/** Purges what is older than the organization's retention; returns how many rows went. */
export async function applyRetention(orgId: string, now = new Date()): Promise<number> {
  const pool = getPool();
  const { rows } = await pool.query<{ retention_days: number | null }>('SELECT retention_days FROM ingest_settings WHERE org_id = $1', [orgId]);
  const days = rows[0]?.retention_days;
  if (!days) return 0;
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  let purged = 0;
  for (const [table, column] of [['telemetry_event', 'ts'], ['prompt_log_record', 'ts'], ['user_activity_day', 'day'], ['privacy_finding', 'ts']] as const) {
    const result = await pool.query(`DELETE FROM ${table} WHERE org_id = $1 AND ${column} < $2`, [orgId, column === 'day' ? cutoff.toISOString().slice(0, 10) : cutoff]);
    purged += result.rowCount ?? 0;
  }
  return purged;
}
