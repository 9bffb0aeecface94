import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db/client';

export interface FilterOptions {
  teams: { id: string; slug: string; name: string }[];
  users: string[];
  clients: string[];
}

/** What the filter menus offer: the organization's teams, and users and clients seen in the rollups. */
export async function getFilterOptions(actor: Actor): Promise<FilterOptions> {
  assertCan(actor, 'reports:read');
  const pool = getPool();
  const [teams, users, clients] = await Promise.all([
    pool.query<{ id: string; slug: string; name: string }>('SELECT id, slug, name FROM team WHERE org_id = $1 ORDER BY name', [actor.orgId]),
    pool.query<{ user_key: string }>('SELECT DISTINCT user_key FROM daily_active_user WHERE org_id = $1 ORDER BY 1 LIMIT 500', [actor.orgId]),
    pool.query<{ client: string }>(
      `SELECT client FROM (SELECT DISTINCT client FROM client_version_hourly WHERE org_id = $1 AND client <> ''
        UNION SELECT DISTINCT client_type FROM activity_daily WHERE org_id = $1) c ORDER BY 1 LIMIT 100`,
      [actor.orgId],
    ),
  ]);
  return { teams: teams.rows, users: users.rows.map((r) => r.user_key), clients: clients.rows.map((r) => r.client) };
}
