import 'server-only';
import { auditAppendStatement } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import type { UploadFormat } from './formats';
import type { ByteCounters } from './source';

/** What is known about an upload when it fails: filled in as the pipeline gets further. */
export interface UploadAttempt {
  uploadId: string;
  fileName: string;
  mode: 'default' | 'strict';
  startedAt: number;
  counters: ByteCounters;
  format: UploadFormat | null;
  teamId: string | null;
}

export interface UploadFailure {
  status: number;
  code: string;
  message: string;
}

const CONNECTION_CLOSED = /socket hang up|aborted|ECONNRESET|premature close/i;

/** The failure as the uploader was told it; an unexpected error is not described (it may name internals). */
export function describeFailure(error: unknown): UploadFailure {
  if (error instanceof AppError) return { status: error.status, code: error.code, message: error.message };
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof Error && (CONNECTION_CLOSED.test(error.message) || (typeof code === 'string' && CONNECTION_CLOSED.test(code)))) {
    return { status: 400, code: 'connection_closed', message: 'The connection closed before the whole file arrived; nothing was kept.' };
  }
  return { status: 500, code: 'internal_error', message: 'The upload failed on the server before it was stored; nothing was kept. Try again.' };
}

/**
 * Keeps a `failed` row (no records: the upload's transaction rolled back) and its audit row, so
 * the uploads list shows what was refused and why — a strict-mode rejection with its record
 * errors, a file over a limit, junk, a dropped connection. Best effort: a failure to record the
 * failure must not hide the original error from the uploader.
 */
export async function recordFailedUpload(actor: Actor, attempt: UploadAttempt, error: unknown): Promise<void> {
  const failure = describeFailure(error);
  const details = error instanceof AppError && typeof error.details === 'object' && error.details ? (error.details as { errors?: unknown; rejected?: unknown }) : {};
  const errors = Array.isArray(details.errors) ? details.errors.slice(0, 100) : [];
  const rejected = typeof details.rejected === 'number' ? details.rejected : 0;
  const format = attempt.format ?? 'unknown';
  const client = await getPool().connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO upload (org_id, id, file_name, sha256, size_bytes, format, team_id, mode, status, accepted, duplicates, rejected, errors, stats, uploader_id, uploader_label, duration_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'failed', 0, 0, $9, $10::jsonb, $11::jsonb, $12, $13, $14)`,
      [actor.orgId, attempt.uploadId, attempt.fileName, attempt.counters.sha256.copy().digest('hex'), attempt.counters.received, format, attempt.teamId, attempt.mode, rejected,
        JSON.stringify(errors), JSON.stringify({ failure }), actor.userId, actor.label, Date.now() - attempt.startedAt],
    );
    const audit = auditAppendStatement({
      orgId: actor.orgId,
      actor,
      action: 'upload.failed',
      target: { type: 'upload', id: attempt.uploadId },
      after: { fileName: attempt.fileName, format, mode: attempt.mode, bytes: attempt.counters.received, ...failure },
    });
    await client.query(audit.text, audit.values);
    await client.query('COMMIT');
  } catch (recordError) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    console.error('pilotlight: could not record a failed upload', recordError);
  } finally {
    client.release(broken ? true : undefined);
  }
}
