import { describe, expect, it } from 'vitest';
import * as otlpRoute from '@/app/api/otlp/v1/[signal]/route';
import * as otlpPathRoute from '@/app/api/otlp/k/[key]/v1/[signal]/route';
import { getPool, getPrisma } from '@/lib/db/client';
import { decryptIngestKey } from '@/lib/ingest-keys/crypto';
import { apiRequest, call, errorCode } from '../../helpers/http';
import { auditRows, createTokenFor } from '../../helpers/factories';
import { api, createKey, setupTeam } from './helpers';

const json = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

/** An empty OTLP logs export with the key: 200 when the key is valid, 401 when not. */
async function exportWith(key: string): Promise<number> {
  const request = apiRequest('/api/otlp/v1/logs', { method: 'POST', token: key, rawBody: '{}', headers: { 'content-type': 'application/json' } });
  return (await call(otlpRoute.POST, request, { signal: 'logs' })).status;
}

describe('team ingest keys API', () => {
  it('creates a key (201 with the key once in the answer), lists it by prefix without the key, shows it again to an admin', async () => {
    const { org, members, token: admin, team } = await setupTeam();
    const created = await api('POST', `/api/v1/teams/${team.id}/ingest-keys`, { token: admin, body: { name: 'laptops' } });
    expect(created.status).toBe(201);
    const body = created.body as { id: string; key: string; prefix: string; name: string; teamId: string; status: string };
    expect(body).toMatchObject({ name: 'laptops', teamId: team.id, status: 'active' });
    expect(body.key).toMatch(/^pli_[0-9A-Za-z]{40}$/);
    expect(body.key.startsWith(body.prefix)).toBe(true);

    const list = await api('GET', `/api/v1/teams/${team.id}/ingest-keys`, { token: admin });
    expect(list.status).toBe(200);
    expect(list.body).toEqual([expect.objectContaining({ id: body.id, prefix: body.prefix, lastUsedAt: null })]);
    expect(JSON.stringify(list.body)).not.toContain(body.key);

    // Stored encrypted, never in clear; the ciphertext is bound to the key's id.
    const row = await getPrisma().ingestKey.findUniqueOrThrow({ where: { id: body.id } });
    expect(row.keyCiphertext).not.toContain(body.key.slice(4));
    expect(decryptIngestKey(row.keyCiphertext, body.id)).toBe(body.key);
    expect(decryptIngestKey(row.keyCiphertext, members.owner.userId)).toBeNull();

    const shown = await api('GET', `/api/v1/teams/${team.id}/ingest-keys/${body.id}`, { token: admin });
    expect(shown.body).toMatchObject({ id: body.id, key: body.key });

    // Using the key records its last use.
    expect(await exportWith(body.key)).toBe(200);
    const after = (await api('GET', `/api/v1/teams/${team.id}/ingest-keys`, { token: admin })).body as { lastUsedAt: string | null }[];
    expect(after[0]?.lastUsedAt).not.toBeNull();

    const audit = await auditRows(org.id);
    expect(audit.map((r) => r.action)).toEqual(['team.created', 'ingest_key.created', 'ingest_key.revealed']);
    expect(json(audit)).not.toContain(body.key);
    expect(audit[1]).toMatchObject({ targetType: 'ingest_key', targetId: body.id, after: { name: 'laptops', prefix: body.prefix, team: team.slug } });
  });

  it('is for owners and admins with templates:write only; bad input is a 400 and stores nothing', async () => {
    const { org, members, token: admin, team } = await setupTeam();
    const editor = (await createTokenFor(members.editor, ['templates:read', 'templates:write'])).token;
    const auditor = (await createTokenFor(members.auditor, ['templates:read', 'reports:read'])).token;
    const adminReadOnly = (await createTokenFor(members.admin, ['templates:read'])).token;
    const owner = (await createTokenFor(members.owner, ['templates:write'])).token;
    for (const token of [editor, auditor, adminReadOnly]) {
      expect((await api('POST', `/api/v1/teams/${team.id}/ingest-keys`, { token, body: { name: 'x' } })).status).toBe(403);
      expect((await api('GET', `/api/v1/teams/${team.id}/ingest-keys`, { token })).status).toBe(403);
    }
    expect((await api('POST', `/api/v1/teams/${team.id}/ingest-keys`, { token: null, body: { name: 'x' } })).status).toBe(401);
    expect((await api('POST', `/api/v1/teams/${team.id}/ingest-keys`, { token: owner, body: { name: 'by the owner' } })).status).toBe(201);

    const empty = await api('POST', `/api/v1/teams/${team.id}/ingest-keys`, { token: admin, body: { name: '  ' } });
    expect(empty.status).toBe(400);
    expect(errorCode(empty.body)).toBe('validation_failed');
    const extra = await api('POST', `/api/v1/teams/${team.id}/ingest-keys`, { token: admin, body: { name: 'x', teamId: 'other' } });
    expect(extra.status).toBe(400);
    const badGrace = await api('POST', `/api/v1/teams/${team.id}/ingest-keys/${(await createKey(admin, team.id)).id}/rotate`, { token: admin, body: { graceMinutes: -1 } });
    expect(badGrace.status).toBe(400);
    expect(await getPrisma().ingestKey.count({ where: { orgId: org.id } })).toBe(2);
  });

  it("answers 404 for another organization's team and keys, and never lets one org's key be managed from another", async () => {
    const a = await setupTeam();
    const b = await setupTeam();
    const keyOfB = await createKey(b.token, b.team.id);
    expect((await api('GET', `/api/v1/teams/${b.team.id}/ingest-keys`, { token: a.token })).status).toBe(404);
    expect((await api('POST', `/api/v1/teams/${b.team.id}/ingest-keys`, { token: a.token, body: { name: 'x' } })).status).toBe(404);
    expect((await api('GET', `/api/v1/teams/${b.team.id}/ingest-keys/${keyOfB.id}`, { token: a.token })).status).toBe(404);
    // Even through a team of one's own organization.
    expect((await api('GET', `/api/v1/teams/${a.team.id}/ingest-keys/${keyOfB.id}`, { token: a.token })).status).toBe(404);
    expect((await api('DELETE', `/api/v1/teams/${a.team.id}/ingest-keys/${keyOfB.id}`, { token: a.token })).status).toBe(404);
    expect((await api('POST', `/api/v1/teams/${a.team.id}/ingest-keys/${keyOfB.id}/rotate`, { token: a.token })).status).toBe(404);
    expect((await api('GET', `/api/v1/teams/${a.team.id}/ingest-keys/not-a-uuid`, { token: a.token })).status).toBe(404);
    expect(await exportWith(keyOfB.key)).toBe(200);
  });

  it('revocation: the key stops working at once (401), stays listed as revoked, and cannot be shown again', async () => {
    const { org, token: admin, team } = await setupTeam();
    const created = await createKey(admin, team.id);
    expect(await exportWith(created.key)).toBe(200);
    expect((await api('DELETE', `/api/v1/teams/${team.id}/ingest-keys/${created.id}`, { token: admin })).status).toBe(204);
    expect(await exportWith(created.key)).toBe(401);
    const pathVariant = await call(otlpPathRoute.POST, apiRequest(`/api/otlp/k/${created.key}/v1/logs`, { method: 'POST', rawBody: '{}', headers: { 'content-type': 'application/json' } }), { key: created.key, signal: 'logs' });
    expect(pathVariant.status).toBe(401);
    expect((await api('DELETE', `/api/v1/teams/${team.id}/ingest-keys/${created.id}`, { token: admin })).status).toBe(204);
    const list = (await api('GET', `/api/v1/teams/${team.id}/ingest-keys`, { token: admin })).body as { status: string; revokedAt: string }[];
    expect(list).toMatchObject([{ status: 'revoked' }]);
    expect((await api('GET', `/api/v1/teams/${team.id}/ingest-keys/${created.id}`, { token: admin })).body).toMatchObject({ key: null });
    expect((await api('POST', `/api/v1/teams/${team.id}/ingest-keys/${created.id}/rotate`, { token: admin })).status).toBe(404);
    expect((await auditRows(org.id, 'ingest_key.revoked')).length).toBe(1);
  });

  it('rotation: a new key at once, the old one valid during the grace period, then 401; grace 0 ends it at once', async () => {
    const { org, token: admin, team } = await setupTeam();
    const created = await createKey(admin, team.id);
    const rotated = await api('POST', `/api/v1/teams/${team.id}/ingest-keys/${created.id}/rotate`, { token: admin, body: { graceMinutes: 60 } });
    expect(rotated.status).toBe(200);
    const next = rotated.body as { id: string; key: string; prefix: string; previousValidUntil: string };
    expect(next.id).toBe(created.id);
    expect(next.key).not.toBe(created.key);
    expect(new Date(next.previousValidUntil).getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
    expect(await exportWith(next.key)).toBe(200);
    expect(await exportWith(created.key)).toBe(200);

    // The grace period ends (as if an hour went by): the old key is refused, the new one is not.
    await getPool().query(`UPDATE ingest_key SET previous_expires_at = now() - interval '1 second' WHERE id = $1`, [created.id]);
    expect(await exportWith(created.key)).toBe(401);
    expect(await exportWith(next.key)).toBe(200);

    // No body: the default grace (a day); graceMinutes 0: the replaced key is refused at once.
    const third = (await api('POST', `/api/v1/teams/${team.id}/ingest-keys/${created.id}/rotate`, { token: admin })).body as { key: string; previousValidUntil: string };
    expect(new Date(third.previousValidUntil).getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
    expect(await exportWith(next.key)).toBe(200);
    const fourth = (await api('POST', `/api/v1/teams/${team.id}/ingest-keys/${created.id}/rotate`, { token: admin, body: { graceMinutes: 0 } })).body as { key: string; previousValidUntil: string | null };
    expect(fourth.previousValidUntil).toBeNull();
    expect(await exportWith(third.key)).toBe(401);
    expect(await exportWith(fourth.key)).toBe(200);
    // A revocation ends a key in grace too.
    const fifth = (await api('POST', `/api/v1/teams/${team.id}/ingest-keys/${created.id}/rotate`, { token: admin })).body as { key: string };
    await api('DELETE', `/api/v1/teams/${team.id}/ingest-keys/${created.id}`, { token: admin });
    expect(await exportWith(fourth.key)).toBe(401);
    expect(await exportWith(fifth.key)).toBe(401);

    const audit = await auditRows(org.id, 'ingest_key.rotated');
    expect(audit).toHaveLength(4);
    const text = json(audit);
    for (const k of [created.key, next.key, third.key, fourth.key, fifth.key]) expect(text).not.toContain(k);
  });
});
