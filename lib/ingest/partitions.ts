import 'server-only';
import type pg from 'pg';
import { getPool } from '@/lib/db/client';

/**
 * Monthly partitions of the record tables. Creating one takes a strong lock on the parent
 * table, so the months around today are created ahead, outside any upload's transaction (once
 * per process and day); only a month outside that window is created inside the upload.
 */
const TABLES = ['telemetry_event', 'prompt_log_record', 'user_activity_day'] as const;
const MONTHS_BACK = 13;
const MONTHS_AHEAD = 2;

const known = new Set<string>();
let aheadFor: string | null = null;

function monthKey(table: string, month: string): string {
  return `${table}:${month}`;
}

function monthsAround(now: Date): string[] {
  const out: string[] = [];
  for (let offset = -MONTHS_BACK; offset <= MONTHS_AHEAD; offset++) {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
    out.push(date.toISOString().slice(0, 7));
  }
  return out;
}

export async function ensurePartitionsAhead(now = new Date()): Promise<void> {
  const today = now.toISOString().slice(0, 10);
  if (aheadFor === today) return;
  const months = monthsAround(now);
  const pool = getPool();
  for (const table of TABLES) {
    for (const month of months) {
      if (known.has(monthKey(table, month))) continue;
      await pool.query('SELECT ensure_month_partition($1::regclass, $2::timestamptz)', [table, `${month}-01T00:00:00Z`]);
      known.add(monthKey(table, month));
    }
  }
  aheadFor = today;
}

/** The partitions for `months` (YYYY-MM) of `table`, created in the caller's transaction if missing. */
export async function ensurePartitionsFor(client: pg.PoolClient, table: string, months: readonly string[]): Promise<void> {
  for (const month of months) {
    if (known.has(monthKey(table, month))) continue;
    await client.query('SELECT ensure_month_partition($1::regclass, $2::timestamptz)', [table, `${month}-01T00:00:00Z`]);
    // Not remembered: if the upload rolls back, so does the partition.
  }
}
