import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { POST as authPost } from '@/app/api/auth/[...nextauth]/route';
import { findFirstBreak, type ChainedAuditRow } from '@/lib/audit/chain';
import { recordAudit } from '@/lib/audit/record';
import { hashPassword } from '@/lib/auth/password';
import { requireToken } from '@/lib/auth/api-token';
import { authenticateWithPassword, SIGN_IN_FAILURE_LIMIT } from '@/lib/auth/sign-in';
import { getPrisma, transaction } from '@/lib/db/client';
import { changeMemberRole, removeMember } from '@/lib/members/members';
import { api } from '../helpers/api';
import { auditRows, createOrganization, createOrganizationWithMembers, createTokenFor, unique } from '../helpers/factories';
import { apiRequest } from '../helpers/http';

async function memberWithPassword(password: string, orgs = 1) {
  const email = `${unique('harden')}@example.com`;
  const user = await getPrisma().user.create({ data: { email, passwordHash: await hashPassword(password) } });
  const orgIds: string[] = [];
  for (let i = 0; i < orgs; i++) {
    const org = await createOrganization();
    orgIds.push(org.id);
    await getPrisma().membership.create({ data: { orgId: org.id, userId: user.id, role: 'EDITOR' } });
  }
  return { email, user, orgIds };
}

function asChain(rows: Awaited<ReturnType<typeof auditRows>>): ChainedAuditRow[] {
  return rows.map((row) => ({ ...row, id: row.id.toString(), createdAt: row.createdAt.toISOString() }));
}

describe('text PostgreSQL cannot store', () => {
  it('a lone surrogate in an audited value is hashed as stored, so the chain stays intact', async () => {
    const org = await createOrganization();
    await transaction((tx) =>
      recordAudit(tx, { orgId: org.id, actor: { kind: 'anonymous', label: 'chain\ud800break@evil.test' }, action: 'auth.sign_in_failed', target: { type: 'user', id: 'x\udc00y' }, details: { note: 'nul\u0000here' } }),
    );
    await transaction((tx) => recordAudit(tx, { orgId: org.id, actor: { kind: 'anonymous', label: 'next' }, action: 'auth.sign_in_failed' }));
    expect(findFirstBreak(asChain(await auditRows(org.id)))).toBeNull();
  });

  it('a sign-in with a lone surrogate or an oversized e-mail is refused before anything is hashed or stored', async () => {
    const before = await getPrisma().auditLog.count();
    expect(await authenticateWithPassword('chain\ud800break@evil.test', 'whatever it is')).toEqual({ ok: false, reason: 'invalid_credentials' });
    expect(await authenticateWithPassword(`${'a'.repeat(300)}@x.test`, 'whatever it is')).toEqual({ ok: false, reason: 'invalid_credentials' });
    expect(await authenticateWithPassword('a@x.test', 'p'.repeat(10_000))).toEqual({ ok: false, reason: 'invalid_credentials' });
    expect(await getPrisma().auditLog.count()).toBe(before);
  });

  it('a JSON body with NUL or a lone surrogate is a 400 naming the field, not a 500', async () => {
    const { owner } = await createOrganizationWithMembers();
    const { token } = await createTokenFor(owner, ['templates:write']);
    for (const raw of ['{"name":"a\\u0000b"}', '{"name":"a\\ud800b"}']) {
      const response = await api('POST', '/api/v1/templates', { token, rawBody: raw });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { code: 'validation_failed', details: { issues: [{ path: 'name' }] } } });
    }
  });
});

describe('sign-in limit', () => {
  it('counts attempts before verifying: of 40 parallel guesses at most the limit are evaluated', async () => {
    const { email } = await memberWithPassword('the right password');
    const attempts = Array.from({ length: 40 }, (_, i) => (i === 39 ? 'the right password' : `wrong ${i}`));
    const results = await Promise.all(attempts.map((password) => authenticateWithPassword(email, password, { ip: '192.0.2.7' })));
    const evaluated = results.filter((result) => result.ok || result.reason === 'invalid_credentials');
    expect(evaluated.length).toBeLessThanOrEqual(SIGN_IN_FAILURE_LIMIT);
    expect(results.filter((result) => !result.ok && result.reason === 'rate_limited').length).toBeGreaterThanOrEqual(40 - SIGN_IN_FAILURE_LIMIT);
  });

  it('a stranger elsewhere cannot lock the owner out, and refused attempts do not extend the lock', async () => {
    const { email } = await memberWithPassword('the right password');
    for (let i = 0; i < SIGN_IN_FAILURE_LIMIT; i++) await authenticateWithPassword(email, `wrong ${i}`, { ip: '198.51.100.1' });
    expect(await authenticateWithPassword(email, 'wrong again', { ip: '198.51.100.1' })).toEqual({ ok: false, reason: 'rate_limited' });
    const [row] = await getPrisma().signInAttempt.findMany({ where: { email, client: '198.51.100.1' } });
    expect(row).toMatchObject({ attempts: SIGN_IN_FAILURE_LIMIT, refused: true });
    // The owner, from their own address, still gets in.
    expect((await authenticateWithPassword(email, 'the right password', { ip: '203.0.113.9' })).ok).toBe(true);
  });

  it('one audit row per attempt, in the organization being entered only', async () => {
    const { email, orgIds } = await memberWithPassword('the right password', 3);
    await authenticateWithPassword(email, 'wrong', { ip: '192.0.2.8', preferredOrgId: orgIds[1] });
    await authenticateWithPassword(email, 'the right password', { ip: '192.0.2.8', preferredOrgId: orgIds[2] });
    expect((await auditRows(orgIds[0]!)).length).toBe(0);
    expect((await auditRows(orgIds[1]!)).map((row) => row.action)).toEqual(['auth.sign_in_failed']);
    expect((await auditRows(orgIds[2]!)).map((row) => row.action)).toEqual(['auth.sign_in']);
  });
});

describe('sessions and tokens end with the membership', () => {
  it('a role change and a removal move the revocation point; a removal revokes the member’s tokens for good', async () => {
    const { org, owner, editor } = await createOrganizationWithMembers();
    const { token } = await createTokenFor(editor, ['templates:read']);
    const start = (await getPrisma().user.findUniqueOrThrow({ where: { id: editor.userId } })).sessionsValidAfter;
    await changeMemberRole(owner, { userId: editor.userId, role: 'AUDITOR' });
    const afterRole = (await getPrisma().user.findUniqueOrThrow({ where: { id: editor.userId } })).sessionsValidAfter;
    expect(afterRole.getTime()).toBeGreaterThan(start.getTime());

    await removeMember(owner, { userId: editor.userId });
    await expect(requireToken(apiRequest('/x', { token }), 'templates:read')).rejects.toMatchObject({ status: 401 });
    // Added again: the old token stays revoked.
    await getPrisma().membership.create({ data: { orgId: org.id, userId: editor.userId, role: 'EDITOR' } });
    await expect(requireToken(apiRequest('/x', { token }), 'templates:read')).rejects.toMatchObject({ status: 401 });
  });
});

describe('the public next-auth endpoint', () => {
  it('refuses a large body with 413 before next-auth reads it', async () => {
    const request = new NextRequest('http://localhost/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `email=a%40b.co&password=${'x'.repeat(100_000)}`,
    });
    const response = await authPost(request, { params: Promise.resolve({ nextauth: ['callback', 'credentials'] }) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });
});

describe('a write-only token', () => {
  it('gets the 409 of a stale save without the newer settings', async () => {
    const { owner } = await createOrganizationWithMembers();
    const { token } = await createTokenFor(owner, ['templates:write']);
    const created = await api('POST', '/api/v1/templates', { token, body: { name: unique('w'), preset: 'autopilot-development' } });
    const id = (created.body as { id: string }).id;
    expect((await api('PUT', `/api/v1/templates/${id}`, { token, body: { settings: { mode: 'supervised' }, baseVersion: 1 } })).status).toBe(200);
    const stale = await api('PUT', `/api/v1/templates/${id}`, { token, body: { settings: { mode: 'autopilot' }, baseVersion: 1 } });
    expect(stale.status).toBe(409);
    expect((stale.body as { error: { details: Record<string, unknown> } }).error.details).toEqual({ currentVersion: 2 });
  });
});
