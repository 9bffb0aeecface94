import 'server-only';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { getPool } from '@/lib/db/client';
import { copyLine, type CopyValue } from '@/lib/ingest/copy-text';
import { ensurePartitionsAhead, ensurePartitionsFor } from '@/lib/ingest/partitions';
import { insertFromStagingSql, RECORD_TABLES } from '@/lib/ingest/sql';
import { SaturatedError, type ReceiverLimits } from './limits';

/**
 * Group commit for OTLP exports. Agents send many small batches at once; one transaction per
 * export would spend its time on BEGIN/COMMIT and fight over the same rollup rows. Instead each
 * export hands its rows (already mapped and classified) to one writer per process, which writes
 * whatever has queued up in ONE transaction: COPY into a staging table, then the same
 * INSERT … ON CONFLICT DO NOTHING + rollups as uploads use. An export is answered only after the
 * transaction that holds its rows committed. A failed combined write is retried export by export,
 * so one bad export cannot fail the others.
 */
export interface StreamRef {
  /** The ingest key id, also the id of the key's stream upload row. */
  keyId: string;
  orgId: string;
  teamId: string;
  name: string;
  prefix: string;
}

export interface ExportBatch {
  stream: StreamRef;
  /** Rows in TELEMETRY_COLUMNS order (upload_id = stream.keyId). */
  rows: CopyValue[][];
  rejected: number;
  bytes: number;
}

interface Pending {
  batch: ExportBatch;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const MAX_ROWS_PER_TRANSACTION = 20_000;
const STAGING = 'otlp_stage_telemetry';
const OTLP_LOCK = 0x07e1;

const queue: Pending[] = [];
let queuedRows = 0;
let writing = false;
const preparedClients = new WeakSet<pg.PoolClient>();

/** Queues an export's rows; resolves once they are committed. 429 when the queue is full. */
export function submitExport(batch: ExportBatch, limits: ReceiverLimits): Promise<void> {
  if (queuedRows > 0 && queuedRows + batch.rows.length > limits.maxQueuedRows) {
    return Promise.reject(new SaturatedError(429, 'Too many records are waiting to be written; retry later.'));
  }
  return new Promise<void>((resolve, reject) => {
    queue.push({ batch, resolve, reject });
    queuedRows += batch.rows.length;
    if (!writing) void drain();
  });
}

async function drain(): Promise<void> {
  writing = true;
  try {
    while (queue.length) {
      const group: Pending[] = [];
      let rows = 0;
      while (queue.length && (group.length === 0 || rows + queue[0]!.batch.rows.length <= MAX_ROWS_PER_TRANSACTION)) {
        const next = queue.shift()!;
        rows += next.batch.rows.length;
        group.push(next);
      }
      try {
        await writeWithRetry(group.map((p) => p.batch));
        for (const p of group) p.resolve();
      } catch (error) {
        if (group.length === 1) group[0]!.reject(error);
        else {
          for (const p of group) {
            await writeWithRetry([p.batch]).then(p.resolve, p.reject);
          }
        }
      } finally {
        queuedRows -= rows;
      }
    }
  } finally {
    writing = false;
  }
}

/** A deadlock with an upload of the same organization (both add to rollup rows) is retried. */
async function writeWithRetry(batches: ExportBatch[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeBatches(batches);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 3 || (code !== '40P01' && code !== '40001')) throw error;
    }
  }
}

interface StreamTotals {
  stream: StreamRef;
  rows: number;
  rejected: number;
  bytes: number;
}

async function writeBatches(batches: ExportBatch[]): Promise<void> {
  await ensurePartitionsAhead();
  const { table, columns } = RECORD_TABLES.telemetry;
  const streams = new Map<string, StreamTotals>();
  const months = new Set<string>();
  let text = '';
  for (const batch of batches) {
    const totals = streams.get(batch.stream.keyId) ?? { stream: batch.stream, rows: 0, rejected: 0, bytes: 0 };
    totals.rows += batch.rows.length;
    totals.rejected += batch.rejected;
    totals.bytes += batch.bytes;
    streams.set(batch.stream.keyId, totals);
    for (const row of batch.rows) {
      text += copyLine(row);
      months.add((row[1] as Date).toISOString().slice(0, 7));
    }
  }
  const client = await getPool().connect();
  let broken = false;
  try {
    if (!preparedClients.has(client)) {
      await client.query(`CREATE TEMP TABLE IF NOT EXISTS ${STAGING} (LIKE ${table} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`);
      preparedClients.add(client);
    }
    await client.query('BEGIN');
    // One writer per process already; this orders writers of several instances per organization.
    for (const orgId of [...new Set(batches.map((b) => b.stream.orgId))].sort()) {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [OTLP_LOCK, orgId]);
    }
    let inserted = new Map<string, number>();
    if (text) {
      await ensurePartitionsFor(client, table, [...months]);
      await new Promise<void>((resolve, reject) => {
        const copy = client.query(copyFrom(`COPY ${STAGING} (${columns.join(', ')}) FROM STDIN`));
        copy.on('error', reject);
        copy.on('finish', resolve);
        copy.end(text);
      });
      const { rows } = await client.query<{ upload_id: string; inserted: number }>(
        insertFromStagingSql('telemetry', STAGING, 'SELECT upload_id, count(*)::int AS inserted FROM src GROUP BY upload_id'),
      );
      inserted = new Map(rows.map((r) => [r.upload_id, r.inserted]));
    }
    // The key's stream row in the uploads list: created by its first export, counted by every one.
    for (const totals of [...streams.values()].sort((a, b) => (a.stream.keyId < b.stream.keyId ? -1 : 1))) {
      const accepted = inserted.get(totals.stream.keyId) ?? 0;
      const s = totals.stream;
      await client.query(
        `INSERT INTO upload (org_id, id, file_name, sha256, size_bytes, format, team_id, mode, status, accepted, duplicates, rejected, uploader_label)
         VALUES ($1, $2, $3, '', $4, 'otlp', $5, 'stream', 'completed', $6, $7, $8, $9)
         ON CONFLICT (org_id, id) DO UPDATE SET size_bytes = upload.size_bytes + EXCLUDED.size_bytes, accepted = upload.accepted + EXCLUDED.accepted,
           duplicates = upload.duplicates + EXCLUDED.duplicates, rejected = upload.rejected + EXCLUDED.rejected`,
        [s.orgId, s.keyId, `OpenTelemetry stream (key “${s.name}”)`, totals.bytes, s.teamId, accepted, totals.rows - accepted, totals.rejected, `ingest key ${s.prefix}…`],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    if (broken) preparedClients.delete(client);
    throw error;
  } finally {
    client.release(broken ? true : undefined);
  }
}
