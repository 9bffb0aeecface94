import { describe, expect, it } from 'vitest';
import { getPool } from '@/lib/db/client';
import { ensurePartitionsAhead } from '@/lib/ingest/partitions';
import { latencyBucket } from '@/lib/ingest/latency';
import { RECORD_TABLES, ROLLUP_TABLES } from '@/lib/ingest/sql';

const EVENT_TABLES = [...Object.values(RECORD_TABLES).map((t) => t.table), 'privacy_finding', 'upload', 'identity', ...ROLLUP_TABLES];

async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('event storage schema', () => {
  it('puts the organization id first in every primary and unique key of the event and rollup tables', async () => {
    const { rows } = await getPool().query<{ table: string; index: string; first: string }>(
      `SELECT i.indrelid::regclass::text AS table, c.relname AS index, a.attname AS first
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
        WHERE (i.indisprimary OR i.indisunique) AND i.indrelid::regclass::text = ANY($1)`,
      [EVENT_TABLES],
    );
    expect(new Set(rows.map((r) => r.table))).toEqual(new Set(EVENT_TABLES));
    expect(rows.filter((r) => r.first !== 'org_id')).toEqual([]);
  });

  it('partitions the record tables by month and creates partitions ahead', async () => {
    await ensurePartitionsAhead();
    const { rows } = await getPool().query<{ parent: string; strategy: string }>(
      `SELECT c.relname AS parent, p.partstrat AS strategy FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid`,
    );
    expect(rows.map((r) => r.parent).sort()).toEqual(['prompt_log_record', 'telemetry_event', 'user_activity_day']);
    const month = new Date().toISOString().slice(0, 7).replace('-', '');
    const parts = await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_class WHERE relname = ANY($1)`, [
      [`telemetry_event_p${month}`, `prompt_log_record_p${month}`, `user_activity_day_p${month}`],
    ]);
    expect(parts.rows[0]!.n).toBe(3);
  });

  it('lets two transactions race to create the same month partition (the loser succeeds too)', async () => {
    // A month nobody else uses, so the test is independent of other data and of earlier runs.
    const year = 2200 + Math.floor(Math.random() * 700);
    const at = `${year}-0${1 + Math.floor(Math.random() * 9)}-01T00:00:00Z`;
    const name = `telemetry_event_p${at.slice(0, 7).replace('-', '')}`;
    const first = await getPool().connect();
    const second = await getPool().connect();
    // (The pool must have room for a third connection: the wait check below.)
    try {
      await first.query('BEGIN');
      await second.query('BEGIN');
      // Both see no partition; the first creates it and holds the lock until it commits.
      await first.query('SELECT ensure_month_partition($1::regclass, $2::timestamptz)', ['telemetry_event', at]);
      const secondPid = (await second.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      const waiting = second.query('SELECT ensure_month_partition($1::regclass, $2::timestamptz)', ['telemetry_event', at]);
      // Commit only once the second really waits on the lock (it has looked and seen no partition).
      await waitUntil(async () => {
        const { rows } = await getPool().query<{ waiting: boolean }>(
          `SELECT wait_event_type = 'Lock' AS waiting FROM pg_stat_activity WHERE pid = $1`, [secondPid]);
        return rows[0]?.waiting === true;
      });
      await first.query('COMMIT');
      await expect(waiting).resolves.toBeDefined();
      await second.query('COMMIT');
      const { rows } = await getPool().query<{ n: number }>('SELECT count(*)::int AS n FROM pg_class WHERE relname = $1', [name]);
      expect(rows[0]!.n).toBe(1);
    } finally {
      await first.query('ROLLBACK').catch(() => undefined);
      await second.query('ROLLBACK').catch(() => undefined);
      first.release();
      second.release();
      await getPool().query(`DROP TABLE IF EXISTS ${name}`);
    }
  });

  it('computes latency buckets in SQL exactly as lib/ingest/latency.ts does', async () => {
    const values = [0, 1, 2, 3, 10, 99, 100, 1000, 1830, 65_536, 1_000_000];
    const { rows } = await getPool().query<{ b: number[] }>('SELECT array_agg(latency_bucket(v) ORDER BY o) AS b FROM unnest($1::int[]) WITH ORDINALITY AS x(v, o)', [values]);
    expect(rows[0]!.b).toEqual(values.map(latencyBucket));
  });
});
