import { describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { authenticateWithPassword, SIGN_IN_FAILURE_LIMIT } from '@/lib/auth/sign-in';
import { getPrisma } from '@/lib/db/client';
import { auditRows, createOrganization, unique } from '../helpers/factories';

async function memberWithPassword(password: string) {
  const org = await createOrganization();
  const email = `${unique('signin')}@example.com`;
  const user = await getPrisma().user.create({ data: { email, passwordHash: await hashPassword(password) } });
  await getPrisma().membership.create({ data: { orgId: org.id, userId: user.id, role: 'EDITOR' } });
  return { org, email, user };
}

describe('password sign-in', () => {
  it('signs in with the right password (e-mail case-insensitive) and records it', async () => {
    const { org, email, user } = await memberWithPassword('the right password');
    const result = await authenticateWithPassword(email.toUpperCase(), 'the right password', { ip: '10.0.0.1', userAgent: 'test' });
    expect(result).toEqual({ ok: true, user: { id: user.id, email, name: null } });
    const [row] = await auditRows(org.id, 'auth.sign_in');
    expect(row).toMatchObject({ actorType: 'user', actorId: user.id, targetId: email, details: { method: 'password', ip: '10.0.0.1' } });
  });

  it('refuses a wrong password and records the failure in the member’s organization', async () => {
    const { org, email } = await memberWithPassword('the right password');
    expect(await authenticateWithPassword(email, 'the wrong password')).toEqual({ ok: false, reason: 'invalid_credentials' });
    const [row] = await auditRows(org.id, 'auth.sign_in_failed');
    expect(row).toMatchObject({ actorType: 'anonymous', actorLabel: email, details: { reason: 'invalid_credentials' } });
  });

  it('records a failed sign-in for an unknown e-mail in the chain without an organization', async () => {
    const email = `${unique('ghost')}@example.com`;
    expect(await authenticateWithPassword(email, 'whatever it is')).toEqual({ ok: false, reason: 'invalid_credentials' });
    const rows = await getPrisma().auditLog.findMany({ where: { orgId: null, targetId: email } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'auth.sign_in_failed', details: { reason: 'unknown_user' } });
  });

  it(`refuses even the right password after ${SIGN_IN_FAILURE_LIMIT} failures in the window`, async () => {
    const { email } = await memberWithPassword('the right password');
    for (let i = 0; i < SIGN_IN_FAILURE_LIMIT; i++) await authenticateWithPassword(email, `wrong ${i}`);
    expect(await authenticateWithPassword(email, 'the right password')).toEqual({ ok: false, reason: 'rate_limited' });
  });
});
