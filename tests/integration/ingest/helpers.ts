import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as uploads from '@/app/api/v1/uploads/route';
import * as upload from '@/app/api/v1/uploads/[id]/route';
import * as identities from '@/app/api/v1/identities/route';
import { getPool } from '@/lib/db/client';
import { ROLLUP_TABLES } from '@/lib/ingest/sql';
import { registerRoutes, type RouteModule } from '../../helpers/api';
import { SAMPLES_DIR } from '../../helpers/samples';

registerRoutes([
  [/^\/api\/v1\/uploads$/, [], uploads as RouteModule],
  [/^\/api\/v1\/uploads\/([^/]+)$/, ['id'], upload as RouteModule],
  [/^\/api\/v1\/identities$/, [], identities as RouteModule],
]);

export const SAMPLES = SAMPLES_DIR;
export const sample = (name: string) => readFileSync(path.join(SAMPLES, name));

/** Every rollup of an organization as sorted plain rows, to compare states exactly. */
export async function rollupSnapshot(orgId: string): Promise<Record<string, unknown[]>> {
  const pool = getPool();
  const out: Record<string, unknown[]> = {};
  for (const table of ROLLUP_TABLES) {
    const { rows } = await pool.query(`SELECT * FROM ${table} WHERE org_id = $1`, [orgId]);
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** The rollups recomputed from the raw rows, for comparison with the maintained ones. */
export async function recount(orgId: string) {
  const pool = getPool();
  const [stored, raw] = await Promise.all([
    pool.query<{ n: string }>('SELECT coalesce(sum(events), 0)::bigint AS n FROM telemetry_hourly WHERE org_id = $1', [orgId]),
    pool.query<{ n: string }>('SELECT count(*)::bigint AS n FROM telemetry_event WHERE org_id = $1', [orgId]),
  ]);
  const commands = await pool.query(
    `SELECT (SELECT coalesce(sum(events),0)::bigint FROM command_hourly WHERE org_id = $1 AND dangerous) AS stored,
            (SELECT count(*)::bigint FROM telemetry_event WHERE org_id = $1 AND dangerous) AS raw`,
    [orgId],
  );
  return { stored: Number(stored.rows[0]!.n), raw: Number(raw.rows[0]!.n), dangerousStored: Number(commands.rows[0].stored), dangerousRaw: Number(commands.rows[0].raw) };
}

export async function count(table: string, orgId: string): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE org_id = $1`, [orgId]);
  return rows[0]!.n;
}
