import 'server-only';
import type { Actor } from '@/lib/auth/permissions';
import { csvCell, type CsvCell } from '@/lib/reports/csv';
import type { AuditLogFilters, AuditLogQuery } from './filters';
import { describeAction, describeActor, targetHref } from './present';
import { exportAuditLog, type AuditLogEntry } from './queries';

/**
 * The filtered audit log as a download, streamed batch by batch (see exportAuditLog), so memory
 * stays flat however long the log. CSV goes through lib/reports/csv.ts (RFC 4180, BOM, formula
 * injection neutralised); JSON keeps every value exactly as recorded (it is data, not a
 * spreadsheet, and an audit export must not alter what it exports).
 */
export const CSV_HEADER = [
  'seq',
  'time',
  'actor_type',
  'actor',
  'actor_name',
  'token',
  'action',
  'action_words',
  'action_group',
  'target_type',
  'target_id',
  'target_name',
  'before',
  'after',
  'details',
] as const;

const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

export function csvRow(entry: AuditLogEntry): CsvCell[] {
  const action = describeAction(entry.action);
  return [
    entry.seq,
    entry.createdAt.toISOString(),
    entry.actorType,
    entry.actorLabel,
    entry.actorName,
    entry.tokenName,
    entry.action,
    action.words,
    action.group,
    entry.targetType,
    entry.targetId,
    entry.targetName,
    json(entry.before),
    json(entry.after),
    json(entry.details),
  ];
}

export function jsonEntry(entry: AuditLogEntry) {
  const action = describeAction(entry.action);
  const actor = describeActor(entry);
  return {
    seq: entry.seq,
    createdAt: entry.createdAt.toISOString(),
    actor: { type: entry.actorType, id: entry.actorId, label: entry.actorLabel, name: entry.actorName, tokenName: entry.tokenName, display: `${actor.primary} (${actor.secondary})` },
    action: entry.action,
    actionWords: action.words,
    actionGroup: action.group,
    target: entry.targetType ? { type: entry.targetType, id: entry.targetId, name: entry.targetName, href: targetHref(entry.targetType, entry.targetId) } : null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    details: entry.details ?? null,
  };
}

const line = (cells: readonly CsvCell[]) => `${cells.map(csvCell).join(',')}\r\n`;

async function* csvChunks(rows: AsyncIterable<AuditLogEntry>): AsyncGenerator<string> {
  yield `\uFEFF${line(CSV_HEADER)}`;
  let chunk = '';
  for await (const entry of rows) {
    chunk += line(csvRow(entry));
    if (chunk.length > 64_000) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

async function* jsonChunks(rows: AsyncIterable<AuditLogEntry>, header: Record<string, unknown>): AsyncGenerator<string> {
  yield `${JSON.stringify(header).slice(0, -1)},"entries":[`;
  let first = true;
  let chunk = '';
  for await (const entry of rows) {
    chunk += (first ? '\n' : ',\n') + JSON.stringify(jsonEntry(entry));
    first = false;
    if (chunk.length > 64_000) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}\n]}\n`;
}

function streamOf(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/** The download response: every row matching `filters`, as CSV or JSON. */
export function auditLogExportResponse(actor: Actor, filters: AuditLogFilters, format: 'csv' | 'json', query: AuditLogQuery = {}, now = new Date()): Response {
  const rows = exportAuditLog(actor, filters); // checks audit:read before anything is sent
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const body =
    format === 'csv'
      ? streamOf(csvChunks(rows))
      : streamOf(jsonChunks(rows, { exportedAt: now.toISOString(), exportedBy: actor.label, organizationId: actor.orgId, filters: query }));
  return new Response(body, {
    headers: {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-log-${stamp}.${format}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
