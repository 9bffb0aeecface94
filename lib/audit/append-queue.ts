import 'server-only';
import { getPool } from '@/lib/db/client';
import { auditContent, type AuditEntry } from './record';

/**
 * Group commit for audit rows that are transactions of their own (policy downloads, which
 * scripts fetch by the thousand). Each caller still waits until its row is committed, but rows
 * arriving while a batch is being written go together in the next one: one lock, one round
 * trip, one commit. At low load a batch is a single row and nothing waits longer than before.
 */
interface Pending {
  row: Record<string, unknown>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 250;
const queues = new Map<string, { pending: Pending[]; writing: boolean }>();

export function appendAuditRow(entry: AuditEntry): Promise<void> {
  const { content, hash } = auditContent(entry);
  const key = content.orgId ?? 'system';
  let queue = queues.get(key);
  if (!queue) {
    queue = { pending: [], writing: false };
    queues.set(key, queue);
  }
  const promise = new Promise<void>((resolve, reject) => queue.pending.push({ row: { ...content, contentHash: hash }, resolve, reject }));
  if (!queue.writing) void drain(key, queue);
  return promise;
}

async function drain(key: string, queue: { pending: Pending[]; writing: boolean }): Promise<void> {
  queue.writing = true;
  // Let callers of the same event-loop turn join the first batch.
  await new Promise((resolve) => setImmediate(resolve));
  while (queue.pending.length) {
    const batch = queue.pending.splice(0, MAX_BATCH);
    try {
      await getPool().query({ name: 'audit-append-batch', text: 'SELECT audit_append_batch($1::jsonb, true)', values: [JSON.stringify(batch.map((p) => p.row))] });
      for (const item of batch) item.resolve();
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  }
  queue.writing = false;
  if (queue.pending.length === 0) queues.delete(key);
}
