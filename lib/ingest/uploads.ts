import 'server-only';
import { auditAppendStatement } from '@/lib/audit/record';
import { assertCan, can, type Actor } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db/client';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { assertId } from '@/lib/http/ids';
import type { UploadFailure } from './failed';
import { recordKindOf, type UploadFormat } from './formats';
import { deleteUploadRecordsSql, LOCK_ORGANIZATION_RECORDS_SQL, PRUNE_ROLLUPS_SQL, RECORD_TABLES } from './sql';

export interface UploadSummary {
  id: string;
  fileName: string;
  format: string;
  team: { id: string; slug: string; name: string } | null;
  mode: string;
  status: string;
  accepted: number;
  duplicates: number;
  rejected: number;
  bytes: number;
  sha256: string;
  uploader: string;
  durationMs: number;
  createdAt: string;
  privacyFindings: number;
  secretsMasked: number;
  dangerousCommands: number;
  untrustedCommands: number;
  telemetryWhileDisabled: number;
  warnings: string[];
  /** Why a `failed` upload was refused (what its uploader was told); null when it completed. */
  failure: UploadFailure | null;
}

export interface UploadDetails extends UploadSummary {
  errors: { record: number; message: string }[];
  /** The first stored records (prompt text only for roles with prompts:read). */
  records: Record<string, unknown>[];
  promptTextHidden: boolean;
}

/** Listing needs events:write (the uploaders) or reports:read (the readers of what was uploaded). */
function assertCanRead(actor: Actor): void {
  if (can(actor, 'uploads:write') || can(actor, 'reports:read')) return;
  assertCan(actor, 'reports:read');
}

interface UploadRow {
  id: string;
  file_name: string;
  format: string;
  team_id: string | null;
  team_slug: string | null;
  team_name: string | null;
  mode: string;
  status: string;
  accepted: number;
  duplicates: number;
  rejected: number;
  size_bytes: string;
  sha256: string;
  uploader_label: string;
  duration_ms: number;
  created_at: Date;
  stats: Record<string, unknown>;
  errors: { record: number; message: string }[];
}

const SELECT_UPLOAD = `SELECT u.id, u.file_name, u.format, u.team_id, t.slug AS team_slug, t.name AS team_name, u.mode, u.status, u.accepted, u.duplicates, u.rejected,
  u.size_bytes, u.sha256, u.uploader_label, u.duration_ms, u.created_at, u.stats, u.errors
  FROM upload u LEFT JOIN team t ON t.id = u.team_id`;

function summary(row: UploadRow): UploadSummary {
  const stats = row.stats ?? {};
  const n = (key: string) => Number(stats[key] ?? 0);
  return {
    id: row.id,
    fileName: row.file_name,
    format: row.format,
    team: row.team_id && row.team_slug ? { id: row.team_id, slug: row.team_slug, name: row.team_name ?? row.team_slug } : null,
    mode: row.mode,
    status: row.status,
    accepted: row.accepted,
    duplicates: row.duplicates,
    rejected: row.rejected,
    bytes: Number(row.size_bytes),
    sha256: row.sha256,
    uploader: row.uploader_label,
    durationMs: row.duration_ms,
    createdAt: row.created_at.toISOString(),
    privacyFindings: n('privacyFindings'),
    secretsMasked: n('secretsMasked'),
    dangerousCommands: n('dangerousCommands'),
    untrustedCommands: n('untrustedCommands'),
    telemetryWhileDisabled: n('telemetryWhileDisabled'),
    warnings: Array.isArray(stats.warnings) ? (stats.warnings as string[]) : [],
    failure: row.status === 'failed' && stats.failure && typeof stats.failure === 'object' ? (stats.failure as UploadFailure) : null,
  };
}

export interface UploadPage {
  uploads: UploadSummary[];
  /** Pass as ?before= for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** Newest first, `limit` per page (1–100), keyset-paginated by (created_at, id). */
export async function listUploads(actor: Actor, options: { limit?: number | string | null; before?: string | null } = {}): Promise<UploadPage> {
  assertCanRead(actor);
  const limit = Math.min(100, Math.max(1, Number(options.limit ?? 25) || 25));
  const values: unknown[] = [actor.orgId, limit + 1];
  let where = 'u.org_id = $1';
  if (options.before) {
    const [at, id] = Buffer.from(options.before, 'base64url').toString('utf8').split('|');
    if (!at || !id || Number.isNaN(Date.parse(at))) throw new ValidationError('The cursor is not valid.', [{ path: 'before', message: 'use nextCursor from the previous page' }]);
    values.push(at, id);
    where += ' AND (u.created_at, u.id) < ($3::timestamptz, $4::uuid)';
  }
  const { rows } = await getPool().query<UploadRow>(`${SELECT_UPLOAD} WHERE ${where} ORDER BY u.created_at DESC, u.id DESC LIMIT $2`, values);
  const page = rows.slice(0, limit).map(summary);
  const last = rows.length > limit ? rows[limit - 1]! : null;
  return { uploads: page, nextCursor: last ? Buffer.from(`${last.created_at.toISOString()}|${last.id}`).toString('base64url') : null };
}

const PREVIEW_ROWS = 20;

export async function getUpload(actor: Actor, uploadId: string): Promise<UploadDetails> {
  assertCanRead(actor);
  const id = assertId(uploadId, 'The upload');
  const pool = getPool();
  const { rows } = await pool.query<UploadRow>(`${SELECT_UPLOAD} WHERE u.org_id = $1 AND u.id = $2`, [actor.orgId, id]);
  const row = rows[0];
  if (!row) throw new NotFoundError('The upload');
  const showPrompts = can(actor, 'prompts:read');
  const kind = recordKindOf(row.format as UploadFormat | 'otlp');
  let records: Record<string, unknown>[] = [];
  if (row.status === 'completed') {
    const order = kind === 'activity' ? 'day, user_key' : 'ts, 1';
    const columns =
      kind === 'telemetry'
        ? 'event_id AS id, ts, user_key AS user, kind, feature, name, client, os, duration_ms AS "durationMs", message, command, decision, dangerous, danger_reasons AS "dangerReasons", untrusted, covered_as_tool_matches AS "coveredAsToolMatches", covered_strictly AS "coveredStrictly", telemetry_disabled AS "telemetryDisabled", privacy'
        : kind === 'prompt'
          ? `request_id AS id, ts, kind, user_id AS "userId", trigger_type AS "triggerType", model_id AS "modelId", file_name AS "fileName", secrets_masked AS "secretsMasked"${showPrompts ? ', prompt, response, completions' : ''}`
          : 'user_key AS "userId", day, client_type AS "clientType", source, email, metrics, extra';
    const result = await pool.query(`SELECT ${columns} FROM ${RECORD_TABLES[kind].table} WHERE org_id = $1 AND upload_id = $2 ORDER BY ${order} LIMIT ${PREVIEW_ROWS}`, [actor.orgId, id]);
    records = result.rows;
  }
  return { ...summary(row), errors: row.errors ?? [], records, promptTextHidden: kind === 'prompt' && !showPrompts };
}

/**
 * Deletes an upload with its records and findings, subtracting exactly its share of every rollup,
 * in one transaction with the audit row. Owners and admins only.
 */
export async function deleteUpload(actor: Actor, uploadId: string): Promise<void> {
  assertCan(actor, 'uploads:delete');
  const id = assertId(uploadId, 'The upload');
  const client = await getPool().connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    await client.query(LOCK_ORGANIZATION_RECORDS_SQL, [actor.orgId]);
    const { rows } = await client.query<{ format: string; file_name: string; accepted: number; status: string }>(
      'SELECT format, file_name, accepted, status FROM upload WHERE org_id = $1 AND id = $2 FOR UPDATE',
      [actor.orgId, id],
    );
    const upload = rows[0];
    if (!upload) throw new NotFoundError('The upload');
    let recordsDeleted = 0;
    // A failed upload stored no records (its transaction rolled back): only its row goes.
    if (upload.status === 'completed') {
      const kind = recordKindOf(upload.format as UploadFormat | 'otlp');
      const deleted = await client.query<{ inserted: number }>(deleteUploadRecordsSql(kind), [actor.orgId, id]);
      recordsDeleted = deleted.rows[0]?.inserted ?? 0;
      for (const sql of PRUNE_ROLLUPS_SQL[kind]) await client.query(sql, [actor.orgId]);
      if (kind === 'telemetry') await client.query('DELETE FROM privacy_finding WHERE org_id = $1 AND upload_id = $2', [actor.orgId, id]);
    }
    await client.query('DELETE FROM upload WHERE org_id = $1 AND id = $2', [actor.orgId, id]);
    const audit = auditAppendStatement({
      orgId: actor.orgId,
      actor,
      action: 'upload.deleted',
      target: { type: 'upload', id },
      before: { fileName: upload.file_name, format: upload.format, accepted: upload.accepted },
      details: { recordsDeleted },
    });
    await client.query(audit.text, audit.values);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken ? true : undefined);
  }
}

