import { expect } from 'vitest';
import * as keys from '@/app/api/v1/teams/[id]/ingest-keys/route';
import * as key from '@/app/api/v1/teams/[id]/ingest-keys/[keyId]/route';
import * as rotate from '@/app/api/v1/teams/[id]/ingest-keys/[keyId]/rotate/route';
import { getPool } from '@/lib/db/client';
import { api, registerRoutes, type RouteModule } from '../../helpers/api';
import { createOrganizationWithMembers, createTokenFor, unique } from '../../helpers/factories';

// Keys are encrypted with a key derived from the server secret (npm start generates it).
process.env.NEXTAUTH_SECRET ||= 'integration-test-server-secret';

registerRoutes([
  [/^\/api\/v1\/teams\/([^/]+)\/ingest-keys$/, ['id'], keys as RouteModule],
  [/^\/api\/v1\/teams\/([^/]+)\/ingest-keys\/([^/]+)$/, ['id', 'keyId'], key as RouteModule],
  [/^\/api\/v1\/teams\/([^/]+)\/ingest-keys\/([^/]+)\/rotate$/, ['id', 'keyId'], rotate as RouteModule],
]);

export { api };

/** An organization with its members, an admin's token (templates:write) and one team. */
export async function setupTeam() {
  const { org, ...members } = await createOrganizationWithMembers();
  const token = (await createTokenFor(members.admin, ['templates:read', 'templates:write'])).token;
  const slug = unique('team');
  const created = await api('POST', '/api/v1/teams', { token, body: { name: `Team ${slug}`, slug, environment: 'development' } });
  expect(created.status).toBe(201);
  return { org, members, token, team: created.body as { id: string; slug: string } };
}

export interface CreatedKey {
  id: string;
  key: string;
  prefix: string;
}

export async function createKey(token: string, teamId: string, name = unique('key')): Promise<CreatedKey> {
  const { status, body } = await api('POST', `/api/v1/teams/${teamId}/ingest-keys`, { token, body: { name } });
  expect(status).toBe(201);
  return body as CreatedKey;
}

export interface StoredEvent {
  event_id: string;
  team_id: string | null;
  upload_id: string;
  user_key: string | null;
  client: string | null;
  kind: string;
  name: string | null;
  feature: string | null;
  command: string | null;
  decision: string | null;
  dangerous: boolean | null;
  danger_reasons: string[];
  untrusted: boolean | null;
  duration_ms: number | null;
  message: string | null;
}

export async function storedEvents(orgId: string): Promise<StoredEvent[]> {
  const { rows } = await getPool().query<StoredEvent>(
    `SELECT event_id, team_id, upload_id, user_key, client, kind, name, feature, command, decision, dangerous, danger_reasons, untrusted, duration_ms, message
       FROM telemetry_event WHERE org_id = $1 ORDER BY ts, event_id`,
    [orgId],
  );
  return rows;
}

export async function rollupTotals(orgId: string): Promise<{ events: number; commands: number; dangerous: number }> {
  const { rows } = await getPool().query<{ events: string | null; commands: string | null; dangerous: string | null }>(
    `SELECT (SELECT sum(events) FROM telemetry_hourly WHERE org_id = $1) AS events,
            (SELECT sum(events) FROM command_hourly WHERE org_id = $1) AS commands,
            (SELECT sum(events) FROM command_hourly WHERE org_id = $1 AND dangerous) AS dangerous`,
    [orgId],
  );
  const r = rows[0]!;
  return { events: Number(r.events ?? 0), commands: Number(r.commands ?? 0), dangerous: Number(r.dangerous ?? 0) };
}
