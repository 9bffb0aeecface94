import 'server-only';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { auditAppendStatement } from '@/lib/audit/record';
import { assertCan, scopesForRole, type Actor } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db/client';
import { BadRequestError, UnsupportedMediaTypeError, ValidationError } from '@/lib/errors';
import { mapActivityRow } from './activity';
import { CommandClassifier } from './classify';
import type { EnrichContext, EventPolicy, MapResult, TeamRef } from './context';
import { copyLine, type CopyValue } from './copy-text';
import { DETECT_BYTES, detectFormat, looksBinary } from './detect';
import { IngestLimitError, UploadRejectedError } from './errors';
import { eventPolicyFor } from './event-policy';
import { recordFailedUpload, type UploadAttempt } from './failed';
import { ACCEPTED_FORMATS_TEXT, isUploadFormat, recordKindOf, UPLOAD_FORMATS, type RecordKind, type UploadFormat } from './formats';
import { ingestLimits, type IngestLimits } from './limits';
import { ensurePartitionsAhead, ensurePartitionsFor } from './partitions';
import { mapPromptRecord } from './prompt-log';
import { applyRetention } from './retention';
import { readCsv, readJsonElements, readNdjson, type RawRecord } from './readers';
import { decodedBytes, newCounters } from './source';
import { insertFromStagingSql, LOCK_ORGANIZATION_RECORDS_SQL, RECORD_TABLES, type BatchSummary } from './sql';
import { mapTelemetry, telemetryFromCsv } from './telemetry';
import { monthOf } from './time';

export interface UploadProgress {
  /** Bytes of the body received so far. */
  bytes: number;
  /** Records read so far (valid or not). */
  records: number;
}

export interface UploadInput {
  body: AsyncIterable<Uint8Array>;
  fileName?: string | null;
  /** ?team=<slug>: the team of records that name none (or an unknown one). */
  team?: string | null;
  /** 'strict' rejects the whole upload when any record is invalid. */
  mode?: string | null;
  /** ?format=: skip detection. */
  format?: string | null;
  /** Content-Length, when the client sent one: refused at once when over the cap. */
  declaredBytes?: number | null;
  onProgress?: (progress: UploadProgress) => void;
  limits?: IngestLimits;
}

export interface RecordError {
  record: number;
  message: string;
}

export interface UploadResult {
  uploadId: string;
  fileName: string;
  format: UploadFormat;
  team: string | null;
  mode: 'default' | 'strict';
  accepted: number;
  duplicates: number;
  rejected: number;
  errors: RecordError[];
  privacyFindings: number;
  secretsMasked: number;
  dangerousCommands: number;
  untrustedCommands: number;
  telemetryWhileDisabled: number;
  /** Things worth knowing that are not errors: unknown teams, unknown CSV columns. */
  warnings: string[];
  bytes: number;
  sha256: string;
  durationMs: number;
}

/** Rows per COPY + INSERT batch, and the text size that also ends a batch (long prompt texts). */
const BATCH_ROWS = Number(process.env.PILOTLIGHT_INGEST_BATCH_ROWS ?? 25_000);
const BATCH_BYTES = 16 * 1024 * 1024;
const PROGRESS_INTERVAL_MS = 200;
const BOMB_PROBE_BYTES = 256 * 1024 * 1024;
const TEMP_BUFFERS = '128MB';
const TRACE = process.env.PILOTLIGHT_INGEST_TRACE === '1';

interface LoadedContext {
  teams: TeamRef[];
  ctx: EnrichContext;
  unknownTeams: Set<string>;
  unknownColumns: Set<string>;
}

async function loadContext(actor: Actor, uploadId: string, teamSlug: string | null, kind: RecordKind): Promise<LoadedContext> {
  const pool = getPool();
  const [teamRows, identityRows] = await Promise.all([
    pool.query<{ id: string; slug: string; name: string }>('SELECT id, slug, name FROM team WHERE org_id = $1', [actor.orgId]),
    pool.query<{ user_key: string; email: string | null; team_id: string | null }>('SELECT user_key, email, team_id FROM identity WHERE org_id = $1', [actor.orgId]),
  ]);
  const bySlug = new Map<string, TeamRef>();
  for (const row of teamRows.rows) {
    const ref = { id: row.id, slug: row.slug };
    bySlug.set(row.slug.toLowerCase(), ref);
    if (!bySlug.has(row.name.toLowerCase())) bySlug.set(row.name.toLowerCase(), ref);
  }
  let uploadTeam: TeamRef | null = null;
  if (teamSlug) {
    uploadTeam = bySlug.get(teamSlug.toLowerCase()) ?? null;
    if (!uploadTeam) throw new ValidationError(`There is no team "${teamSlug}" in this organization.`, [{ path: 'team', message: 'unknown team slug' }]);
  }
  const identityTeams = new Map<string, string>();
  const identityEmails = new Map<string, string>();
  for (const row of identityRows.rows) {
    if (row.team_id) identityTeams.set(row.user_key, row.team_id);
    if (row.email) {
      identityEmails.set(row.user_key, row.email);
      if (row.team_id && !identityTeams.has(row.email.toLowerCase())) identityTeams.set(row.email.toLowerCase(), row.team_id);
    }
  }

  // Effective policies are needed to judge telemetry only. The pipeline reads them on the
  // uploader's behalf: an events:write token may judge events against policy without being able
  // to read templates itself.
  const policies = new Map<string, EventPolicy>();
  if (kind === 'telemetry') {
    const reader: Actor = { ...actor, kind: 'user', scopes: scopesForRole(actor.role) };
    await Promise.all(
      teamRows.rows.map(async (team) => {
        policies.set(team.id, await eventPolicyFor(reader, team.id));
      }),
    );
  }
  const noPolicy: EventPolicy = { ref: 'defaults', trustedCommands: [], telemetryDisabled: false };
  const unknownTeams = new Set<string>();
  const unknownColumns = new Set<string>();
  const ctx: EnrichContext = {
    orgId: actor.orgId,
    uploadId,
    uploadTeam,
    teamBySlug: (slug) => bySlug.get(slug.trim().toLowerCase()) ?? null,
    identityTeam: (key) => identityTeams.get(key) ?? null,
    identityEmail: (key) => identityEmails.get(key) ?? null,
    policyFor: (teamId) => (teamId ? (policies.get(teamId) ?? noPolicy) : noPolicy),
    classifier: new CommandClassifier(),
    noteUnknownTeam: (slug) => {
      if (unknownTeams.size < 100) unknownTeams.add(slug);
    },
    noteUnknownColumn: (name) => {
      if (unknownColumns.size < 100) unknownColumns.add(name);
    },
  };
  return { teams: [...bySlug.values()], ctx, unknownTeams, unknownColumns };
}

/** The first bytes for detection, then the whole stream again. */
async function peek(source: AsyncGenerator<Buffer>): Promise<{ head: Buffer; stream: AsyncGenerator<Buffer> }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < DETECT_BYTES) {
    const next = await source.next();
    if (next.done) {
      done = true;
      break;
    }
    chunks.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(chunks);
  async function* stream(): AsyncGenerator<Buffer> {
    if (head.length) yield head;
    if (done) return;
    for (;;) {
      const next = await source.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, stream: stream() };
}

function readerFor(format: UploadFormat, stream: AsyncIterable<Buffer>, limits: IngestLimits, onHeader: (columns: string[]) => void): AsyncGenerator<RawRecord[]> {
  const options = { maxRecordBytes: limits.maxRecordBytes };
  switch (format) {
    case 'telemetry-ndjson':
      return readNdjson(stream, options);
    case 'telemetry-json':
      return readJsonElements(stream, '$.*', options);
    case 'prompt-log':
      return readJsonElements(stream, '$.records.*', options);
    default:
      return readCsv(stream, { ...options, onHeader });
  }
}

function mapperFor(format: UploadFormat, ctx: EnrichContext): (value: unknown) => MapResult<CopyValue[]> {
  switch (format) {
    case 'telemetry-ndjson':
    case 'telemetry-json':
      return (value) => mapTelemetry(value, ctx);
    case 'telemetry-csv':
      return (value) => mapTelemetry(telemetryFromCsv(value as Record<string, string>), ctx);
    case 'prompt-log':
      return (value) => mapPromptRecord(value, ctx);
    case 'q-activity-csv':
      return (value) => mapActivityRow('q-developer', value as Record<string, string>, ctx);
    case 'kiro-activity-csv':
      return (value) => mapActivityRow('kiro', value as Record<string, string>, ctx);
  }
}

function checkCsvHeader(format: UploadFormat, columns: string[]): void {
  const lower = new Set(columns.map((c) => c.toLowerCase()));
  const required = format === 'telemetry-csv' ? ['timestamp', 'kind'] : ['userid', 'date'];
  const missing = required.filter((c) => !lower.has(c));
  if (missing.length) throw new BadRequestError(`The CSV header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} that ${format} needs.`, { columns }, 'bad_csv_header');
}

/** Writes batches through COPY into the staging table, then into the record table with its rollups. */
class BatchWriter {
  private lines: string[] = [];
  private bytes = 0;
  private months = new Set<string>();
  private inflight: Promise<void> = Promise.resolve();
  readonly totals: BatchSummary = { inserted: 0, dangerous: 0, untrusted: 0, while_disabled: 0, privacy: 0, secrets: 0 };
  private readonly insertSql: string;
  private readonly copySql: string;

  constructor(private readonly client: pg.PoolClient, private readonly kind: RecordKind, private readonly staging: string) {
    const { columns } = RECORD_TABLES[kind];
    this.insertSql = insertFromStagingSql(kind, staging);
    this.copySql = `COPY ${staging} (${columns.join(', ')}) FROM STDIN`;
  }

  /** Adds a row; resolves when it is safe to go on (backpressure: at most one batch in flight). */
  async add(row: CopyValue[]): Promise<void> {
    const line = copyLine(row);
    this.lines.push(line);
    this.bytes += line.length;
    const partitionValue = row[1];
    this.months.add(typeof partitionValue === 'string' ? partitionValue.slice(0, 7) : monthOf(partitionValue as Date).slice(0, 7));
    if (this.lines.length >= BATCH_ROWS || this.bytes >= BATCH_BYTES) await this.flush();
  }

  /** Starts writing the current batch once the previous one is done; the caller goes on parsing. */
  async flush(): Promise<void> {
    if (!this.lines.length) return;
    const lines = this.lines;
    const months = [...this.months];
    this.lines = [];
    this.bytes = 0;
    this.months = new Set();
    await this.inflight;
    this.inflight = this.write(lines, months);
    // Surface a failure at the next add/flush/finish, never as an unhandled rejection.
    this.inflight.catch(() => {});
  }

  async finish(): Promise<void> {
    await this.flush();
    await this.inflight;
  }

  /** Waits for a batch in flight to end either way (before a ROLLBACK on the same connection). */
  async settle(): Promise<void> {
    await this.inflight.catch(() => {});
  }

  private async write(lines: string[], months: string[]): Promise<void> {
    const began = performance.now();
    await ensurePartitionsFor(this.client, RECORD_TABLES[this.kind].table, months);
    const copy = this.client.query(copyFrom(this.copySql));
    await new Promise<void>((resolve, reject) => {
      copy.on('error', reject);
      copy.on('finish', resolve);
      // One write per ~1 MiB keeps the socket busy without building one huge string.
      let piece = '';
      for (const line of lines) {
        piece += line;
        if (piece.length >= 1 << 20) {
          copy.write(piece);
          piece = '';
        }
      }
      copy.end(piece);
    });
    const copied = performance.now();
    const { rows } = await this.client.query<BatchSummary>(this.insertSql);
    if (TRACE) console.error(`ingest batch: ${lines.length} rows, copy ${(copied - began).toFixed(0)} ms, insert+rollups ${(performance.now() - copied).toFixed(0)} ms`);
    const summary = rows[0]!;
    for (const key of Object.keys(this.totals) as (keyof BatchSummary)[]) this.totals[key] += Number(summary[key]);
    await this.client.query(`TRUNCATE ${this.staging}`);
  }
}

/**
 * One upload, streamed end to end: body → byte caps → gunzip (magic bytes) → format detection →
 * streaming parser → per-record validation → enrichment (privacy, secrets, teams, commands vs
 * policy) → COPY into a staging table → INSERT … ON CONFLICT DO NOTHING with the rollups, batch
 * by batch, all in ONE transaction with the upload row and its audit row. A failure anywhere
 * (limit, dropped connection, killed process) rolls everything back; a retry starts clean.
 * Uploads of one organization are serialized by an advisory lock, so two identical uploads at
 * once store one copy (the second finds every record a duplicate).
 */
export async function ingestUpload(actor: Actor, input: UploadInput): Promise<UploadResult> {
  assertCan(actor, 'uploads:write');
  const limits = input.limits ?? ingestLimits();
  const mode = input.mode === 'strict' ? 'strict' : 'default';
  if (input.mode && input.mode !== 'strict' && input.mode !== 'default') {
    throw new ValidationError('mode must be "strict" or "default".', [{ path: 'mode', message: 'expected strict or default' }]);
  }
  if (input.format && !isUploadFormat(input.format)) {
    throw new ValidationError(`Unknown format "${input.format}".`, [{ path: 'format', message: `expected one of ${UPLOAD_FORMATS.join(', ')}` }]);
  }
  // From here on it is an upload attempt: if it fails, the list says so (lib/ingest/failed.ts).
  const attempt: UploadAttempt = {
    uploadId: randomUUID(),
    fileName: (input.fileName ?? '').trim().slice(0, 500) || 'upload',
    mode,
    startedAt: Date.now(),
    counters: newCounters(),
    format: null,
    teamId: null,
  };
  try {
    return await storeUpload(actor, input, limits, attempt);
  } catch (error) {
    await recordFailedUpload(actor, attempt, error);
    throw error;
  }
}

async function storeUpload(actor: Actor, input: UploadInput, limits: IngestLimits, attempt: UploadAttempt): Promise<UploadResult> {
  const { uploadId, fileName, mode, counters, startedAt: started } = attempt;
  if (input.declaredBytes && input.declaredBytes > limits.maxUploadBytes) throw new IngestLimitError('the upload', limits.maxUploadBytes);

  // Detect first (no transaction or lock is held while a slow client sends its first bytes).
  const { head, stream } = await peek(decodedBytes(input.body, limits, counters));
  if (head.toString('utf8').replace(/^\uFEFF/, '').trim() === '') throw new BadRequestError('The file is empty.', undefined, 'empty_file');
  if (looksBinary(head) && counters.gzip) {
    // Binary inside gzip is often a bomb (zeros): inflate a little further, so the ratio and size
    // caps get to say so (413) before it is called junk (415).
    for await (const chunk of stream) if (counters.decompressed > BOMB_PROBE_BYTES) break; else void chunk;
  }
  if (looksBinary(head)) throw new UnsupportedMediaTypeError(`This is not a file Pilotlight reads (binary content). Accepted: ${ACCEPTED_FORMATS_TEXT}.`, { accepted: UPLOAD_FORMATS });
  const format = (input.format as UploadFormat | null) ?? detectFormat(head);
  if (!format) throw new UnsupportedMediaTypeError(`The format of this file is not recognised. Accepted: ${ACCEPTED_FORMATS_TEXT}.`, { accepted: UPLOAD_FORMATS });
  const kind = recordKindOf(format);
  attempt.format = format;

  const loaded = await loadContext(actor, uploadId, input.team ?? null, kind);
  attempt.teamId = loaded.ctx.uploadTeam?.id ?? null;
  await ensurePartitionsAhead();

  const client = await getPool().connect();
  let broken = false;
  let writer: BatchWriter | null = null;
  try {
    // Room for a batch in the session's temp buffers (8 MB by default), so staging stays in
    // memory. Only settable before the session's first temp table: the first upload on a pooled
    // connection sets it for all that follow.
    await client.query(`SET temp_buffers = '${TEMP_BUFFERS}'`).catch(() => {});
    await client.query('BEGIN');
    await client.query(LOCK_ORGANIZATION_RECORDS_SQL, [actor.orgId]);
    const staging = `ingest_stage_${kind}`;
    await client.query(`CREATE TEMP TABLE ${staging} (LIKE ${RECORD_TABLES[kind].table} INCLUDING DEFAULTS) ON COMMIT DROP`);
    writer = new BatchWriter(client, kind, staging);
    const map = mapperFor(format, loaded.ctx);
    const errors: RecordError[] = [];
    let rejected = 0;
    let valid = 0;
    let records = 0;
    let lastProgress = 0;
    const reader = readerFor(format, stream, limits, (columns) => checkCsvHeader(format, columns));
    for await (const batch of reader) {
      for (const raw of batch) {
        records++;
        const result: MapResult<CopyValue[]> = raw.error !== undefined ? { ok: false, message: raw.error } : map(raw.value);
        if (!result.ok) {
          rejected++;
          if (errors.length < limits.maxErrors) errors.push({ record: raw.record, message: result.message });
          continue;
        }
        valid++;
        // Strict mode stores nothing once a record failed; it only keeps reading to list every error.
        if (mode === 'strict' && rejected > 0) continue;
        await writer.add(result.row);
      }
      if (input.onProgress && Date.now() - lastProgress >= PROGRESS_INTERVAL_MS) {
        lastProgress = Date.now();
        input.onProgress({ bytes: counters.received, records });
      }
    }
    if (records === 0 && kind !== 'prompt') throw new BadRequestError('The file holds no records.', undefined, 'no_records');
    if (mode === 'strict' && rejected > 0) {
      await client.query('ROLLBACK');
      throw new UploadRejectedError(errors, rejected);
    }
    await writer.finish();
    input.onProgress?.({ bytes: counters.received, records });

    const totals = writer.totals;
    const warnings: string[] = [];
    if (loaded.unknownTeams.size) {
      warnings.push(`Unknown team${loaded.unknownTeams.size > 1 ? 's' : ''} ${[...loaded.unknownTeams].map((t) => `"${t}"`).join(', ')}: those records went to ${loaded.ctx.uploadTeam ? `the upload's team (${loaded.ctx.uploadTeam.slug})` : 'no team'}.`);
    }
    if (loaded.unknownColumns.size) warnings.push(`Unknown column${loaded.unknownColumns.size > 1 ? 's' : ''} kept as extra data: ${[...loaded.unknownColumns].join(', ')}.`);
    const result: UploadResult = {
      uploadId,
      fileName,
      format,
      team: loaded.ctx.uploadTeam?.slug ?? null,
      mode,
      accepted: totals.inserted,
      duplicates: valid - totals.inserted,
      rejected,
      errors,
      privacyFindings: totals.privacy,
      secretsMasked: totals.secrets,
      dangerousCommands: totals.dangerous,
      untrustedCommands: totals.untrusted,
      telemetryWhileDisabled: totals.while_disabled,
      warnings,
      bytes: counters.received,
      sha256: counters.sha256.digest('hex'),
      durationMs: Date.now() - started,
    };
    const stats = {
      privacyFindings: result.privacyFindings,
      secretsMasked: result.secretsMasked,
      dangerousCommands: result.dangerousCommands,
      untrustedCommands: result.untrustedCommands,
      telemetryWhileDisabled: result.telemetryWhileDisabled,
      warnings,
      records,
    };
    await client.query(
      `INSERT INTO upload (org_id, id, file_name, sha256, size_bytes, format, team_id, mode, status, accepted, duplicates, rejected, errors, stats, uploader_id, uploader_label, duration_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'completed', $9, $10, $11, $12::jsonb, $13::jsonb, $14, $15, $16)`,
      [actor.orgId, uploadId, fileName, result.sha256, result.bytes, format, loaded.ctx.uploadTeam?.id ?? null, mode, result.accepted, result.duplicates, result.rejected,
        JSON.stringify(errors.slice(0, 100)), JSON.stringify(stats), actor.userId, actor.label, result.durationMs],
    );
    const audit = auditAppendStatement({
      orgId: actor.orgId,
      actor,
      action: 'upload.created',
      target: { type: 'upload', id: uploadId },
      after: { fileName, format, team: result.team, mode, accepted: result.accepted, duplicates: result.duplicates, rejected: result.rejected, bytes: result.bytes, sha256: result.sha256 },
    });
    await client.query(audit.text, audit.values);
    await client.query('COMMIT');
    await applyRetention(actor.orgId).catch((error: unknown) => console.error('Retention purge failed', error));
    return result;
  } catch (error) {
    await writer?.settle();
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken ? true : undefined);
  }
}
