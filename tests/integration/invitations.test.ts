import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { authenticateWithPassword } from '@/lib/auth/sign-in';
import { getPrisma } from '@/lib/db/client';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import {
  acceptInvitation,
  acceptInvitationAsNewAccount,
  declineInvitation,
  findInvitationByToken,
  inviteMember,
  listInvitations,
  listReceivedInvitations,
  revokeInvitation,
} from '@/lib/members/invitations';
import { listMembers } from '@/lib/members/members';
import { auditRows, createOrganizationWithMembers, unique } from '../helpers/factories';

const PASSWORD = 'a long enough password';

/** A member of another organization who can sign in (a password of their own). */
async function otherTenantUser() {
  const b = await createOrganizationWithMembers();
  await getPrisma().user.update({ where: { id: b.editor.userId }, data: { passwordHash: await hashPassword(PASSWORD) } });
  return { b, user: { userId: b.editor.userId, email: b.editor.label } };
}

/** The answer with what differs per call anyway (ids, token, times) taken out. */
function shape(answer: Awaited<ReturnType<typeof inviteMember>>) {
  return { ...answer.invitation, id: typeof answer.invitation.id, email: 'x', token: answer.token.length, createdAt: typeof answer.invitation.createdAt, expiresAt: typeof answer.invitation.expiresAt };
}

describe('inviting (issue 8, item 15)', () => {
  it('an existing account of another organization is not added: same answer as for an unknown address, nothing changes for that account', async () => {
    const a = await createOrganizationWithMembers();
    const { b, user } = await otherTenantUser();
    const before = await getPrisma().user.findUniqueOrThrow({ where: { id: user.userId } });
    const existing = await inviteMember(a.owner, { email: user.email, role: 'AUDITOR' });
    const unknownEmail = `${unique('nobody')}@example.com`;
    const unknown = await inviteMember(a.owner, { email: unknownEmail, role: 'AUDITOR' });

    expect(shape(existing)).toEqual(shape(unknown));
    expect(await getPrisma().membership.findUnique({ where: { orgId_userId: { orgId: a.org.id, userId: user.userId } } })).toBeNull();
    expect((await listMembers(a.owner)).map((m) => m.email)).not.toContain(user.email);
    expect(await getPrisma().user.findUniqueOrThrow({ where: { id: user.userId } })).toEqual(before);
    expect(await getPrisma().user.findUnique({ where: { email: unknownEmail } })).toBeNull();
    // Nothing is written into the other organization's log either.
    expect(await auditRows(b.org.id, 'member.invited')).toHaveLength(0);

    const rows = await auditRows(a.org.id, 'member.invited');
    expect(rows.map((row) => row.after)).toEqual([expect.objectContaining({ email: user.email, role: 'AUDITOR' }), expect.objectContaining({ email: unknownEmail, role: 'AUDITOR' })]);
    // The token is never stored or audited, only its hash.
    const stored = JSON.stringify(await getPrisma().memberInvitation.findMany({ where: { orgId: a.org.id } })) + JSON.stringify(rows.map(({ before, after, details }) => ({ before, after, details })));
    expect(stored).not.toContain(existing.token);
    expect(stored).not.toContain(unknown.token);
  });

  it('refuses a current member (409), a password or an unknown role (400), and a non-owner (403), writing nothing', async () => {
    const { org, owner, editor, admin } = await createOrganizationWithMembers();
    await expect(inviteMember(owner, { email: editor.label, role: 'ADMIN' })).rejects.toBeInstanceOf(ConflictError);
    const error = await inviteMember(owner, { email: 'nope', role: 'KING', password: PASSWORD }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path).sort()).toEqual(['email', 'password', 'role']);
    await expect(inviteMember(admin, { email: `${unique('x')}@example.com`, role: 'EDITOR' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await getPrisma().memberInvitation.count({ where: { orgId: org.id } })).toBe(0);
    expect(await auditRows(org.id, 'member.invited')).toHaveLength(0);
  });

  it('a new invitation to the same address replaces the open one (the old link stops working)', async () => {
    const { owner } = await createOrganizationWithMembers();
    const email = `${unique('twice')}@example.com`;
    const first = await inviteMember(owner, { email, role: 'EDITOR' });
    const second = await inviteMember(owner, { email, role: 'ADMIN' });
    expect(await findInvitationByToken(first.token)).toEqual({ state: 'revoked' });
    expect(await findInvitationByToken(second.token)).toMatchObject({ state: 'open', invitation: { role: 'ADMIN' } });
    expect((await listInvitations(owner)).map((i) => i.id)).toEqual([second.invitation.id]);
  });
});

describe('answering an invitation', () => {
  it('an existing account accepts on /invitations: the membership has the invited role, audited in the joined organization', async () => {
    const a = await createOrganizationWithMembers();
    const { user } = await otherTenantUser();
    const { invitation } = await inviteMember(a.owner, { email: user.email, role: 'AUDITOR' });
    expect((await listReceivedInvitations(user)).map((i) => ({ id: i.id, org: i.organization.id, role: i.role }))).toEqual([{ id: invitation.id, org: a.org.id, role: 'AUDITOR' }]);

    expect(await acceptInvitation(user, { invitationId: invitation.id })).toEqual({ orgId: a.org.id, role: 'AUDITOR' });
    expect((await listMembers(a.owner)).find((m) => m.userId === user.userId)?.role).toBe('AUDITOR');
    expect(await auditRows(a.org.id, 'invitation.accepted')).toEqual([expect.objectContaining({ actorId: user.userId, after: { email: user.email, role: 'AUDITOR' } })]);
    expect(await listReceivedInvitations(user)).toEqual([]);
    expect(await listInvitations(a.owner)).toEqual([]);
    // Used once.
    await expect(acceptInvitation(user, { invitationId: invitation.id })).rejects.toMatchObject({ status: 410, details: { state: 'accepted' } });
  });

  it('only the invited address can accept; someone else gets nothing', async () => {
    const a = await createOrganizationWithMembers();
    const { user } = await otherTenantUser();
    const stranger = await otherTenantUser();
    const { invitation } = await inviteMember(a.owner, { email: user.email, role: 'OWNER' });
    await expect(acceptInvitation(stranger.user, { invitationId: invitation.id })).rejects.toMatchObject({ status: 410 });
    expect(await getPrisma().membership.count({ where: { orgId: a.org.id, userId: stranger.user.userId } })).toBe(0);
    expect(await listReceivedInvitations(stranger.user)).toEqual([]);
  });

  it('declining closes the invitation without a membership', async () => {
    const a = await createOrganizationWithMembers();
    const { user } = await otherTenantUser();
    const { invitation, token } = await inviteMember(a.owner, { email: user.email, role: 'EDITOR' });
    await declineInvitation(user, { invitationId: invitation.id });
    expect(await getPrisma().membership.count({ where: { orgId: a.org.id, userId: user.userId } })).toBe(0);
    expect(await findInvitationByToken(token)).toEqual({ state: 'declined' });
    expect(await auditRows(a.org.id, 'invitation.declined')).toHaveLength(1);
    await expect(acceptInvitation(user, { invitationId: invitation.id })).rejects.toMatchObject({ status: 410, details: { state: 'declined' } });
  });

  it('a withdrawn invitation cannot be used; only an owner of that organization can withdraw it', async () => {
    const a = await createOrganizationWithMembers();
    const other = await createOrganizationWithMembers();
    const { user } = await otherTenantUser();
    const { invitation, token } = await inviteMember(a.owner, { email: user.email, role: 'EDITOR' });
    await expect(revokeInvitation(a.admin, { invitationId: invitation.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(revokeInvitation(other.owner, { invitationId: invitation.id })).rejects.toBeInstanceOf(NotFoundError);
    await revokeInvitation(a.owner, { invitationId: invitation.id });
    expect(await auditRows(a.org.id, 'invitation.revoked')).toHaveLength(1);
    expect(await findInvitationByToken(token)).toEqual({ state: 'revoked' });
    await expect(acceptInvitation(user, { invitationId: invitation.id })).rejects.toMatchObject({ status: 410, details: { state: 'revoked' } });
    await expect(acceptInvitationAsNewAccount(token, { name: 'X', password: PASSWORD })).rejects.toMatchObject({ status: 410 });
    expect(await getPrisma().membership.count({ where: { orgId: a.org.id, userId: user.userId } })).toBe(0);
  });

  it('an expired link is refused with a clear state, and creates nothing', async () => {
    const { org, owner } = await createOrganizationWithMembers();
    const email = `${unique('late')}@example.com`;
    const { invitation, token } = await inviteMember(owner, { email, role: 'EDITOR' });
    await getPrisma().memberInvitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findInvitationByToken(token)).toEqual({ state: 'expired' });
    await expect(acceptInvitationAsNewAccount(token, { name: 'Late', password: PASSWORD })).rejects.toMatchObject({ status: 410, details: { state: 'expired' } });
    expect(await getPrisma().user.findUnique({ where: { email } })).toBeNull();
    expect(await listInvitations(owner)).toEqual([expect.objectContaining({ id: invitation.id, expired: true })]);
    expect(await auditRows(org.id, 'invitation.accepted')).toHaveLength(0);
    expect(await findInvitationByToken('not-a-token')).toEqual({ state: 'unknown' });
    expect(await findInvitationByToken('A'.repeat(43))).toEqual({ state: 'unknown' });
  });

  it('someone without an account sets their own name and password through the link, joins, and can sign in', async () => {
    const { org, owner } = await createOrganizationWithMembers();
    const email = `${unique('newbie')}@example.com`;
    const { token } = await inviteMember(owner, { email, role: 'EDITOR' });
    // A too-short password: a clear error, nothing created, the link still works.
    await expect(acceptInvitationAsNewAccount(token, { name: 'New Person', password: 'short' })).rejects.toBeInstanceOf(ValidationError);
    expect(await getPrisma().user.findUnique({ where: { email } })).toBeNull();

    expect(await acceptInvitationAsNewAccount(token, { name: 'New Person', password: PASSWORD })).toEqual({ email, orgId: org.id });
    const user = await getPrisma().user.findUniqueOrThrow({ where: { email } });
    expect(user.name).toBe('New Person');
    expect(await verifyPassword(user.passwordHash, PASSWORD)).toBe(true);
    expect((await listMembers(owner)).find((m) => m.email === email)?.role).toBe('EDITOR');
    expect((await authenticateWithPassword(email, PASSWORD, { ip: '192.0.2.40' })).ok).toBe(true);
    expect(await findInvitationByToken(token)).toEqual({ state: 'accepted' });
    await expect(acceptInvitationAsNewAccount(token, { name: 'Again', password: PASSWORD })).rejects.toMatchObject({ status: 410, details: { state: 'accepted' } });
  });

  it('the link never sets the password of an existing account', async () => {
    const a = await createOrganizationWithMembers();
    const { user } = await otherTenantUser();
    const { token } = await inviteMember(a.owner, { email: user.email, role: 'OWNER' });
    const before = await getPrisma().user.findUniqueOrThrow({ where: { id: user.userId } });
    await expect(acceptInvitationAsNewAccount(token, { name: 'Takeover', password: 'the attacker password' })).rejects.toBeInstanceOf(ConflictError);
    expect(await getPrisma().user.findUniqueOrThrow({ where: { id: user.userId } })).toEqual(before);
    expect(await getPrisma().membership.count({ where: { orgId: a.org.id, userId: user.userId } })).toBe(0);
    // Still open: the account's holder signs in and accepts.
    expect(await findInvitationByToken(token)).toMatchObject({ state: 'open' });
  });

  it('two parallel accepts of one link make one account and one membership', async () => {
    const { org, owner } = await createOrganizationWithMembers();
    const email = `${unique('race')}@example.com`;
    const { token } = await inviteMember(owner, { email, role: 'EDITOR' });
    const results = await Promise.allSettled([1, 2, 3].map((n) => acceptInvitationAsNewAccount(token, { name: `Racer ${n}`, password: PASSWORD })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await getPrisma().membership.count({ where: { orgId: org.id, user: { email } } })).toBe(1);
    expect(await auditRows(org.id, 'invitation.accepted')).toHaveLength(1);
  });
});

describe('sign-in rows go to the organization being entered only', () => {
  it('an invited (even a joined) organization never sees the person’s sign-ins elsewhere', async () => {
    const a = await createOrganizationWithMembers();
    const { b, user } = await otherTenantUser();
    const { invitation } = await inviteMember(a.owner, { email: user.email, role: 'EDITOR' });
    expect((await authenticateWithPassword(user.email, PASSWORD, { ip: '192.0.2.41', userAgent: 'ua', preferredOrgId: b.org.id })).ok).toBe(true);
    await acceptInvitation(user, { invitationId: invitation.id });
    expect((await authenticateWithPassword(user.email, PASSWORD, { ip: '192.0.2.41', userAgent: 'ua', preferredOrgId: b.org.id })).ok).toBe(true);
    await authenticateWithPassword(user.email, 'wrong password!', { ip: '192.0.2.41', preferredOrgId: b.org.id });

    const signIns = (orgId: string) => auditRows(orgId).then((rows) => rows.filter((row) => row.action.startsWith('auth.')));
    expect(await signIns(a.org.id)).toHaveLength(0);
    expect((await signIns(b.org.id)).map((row) => row.action)).toEqual(['auth.sign_in', 'auth.sign_in', 'auth.sign_in_failed']);
    // Entering A writes to A only.
    await authenticateWithPassword(user.email, PASSWORD, { ip: '192.0.2.41', preferredOrgId: a.org.id });
    expect((await signIns(a.org.id)).map((row) => row.action)).toEqual(['auth.sign_in']);
    expect(await signIns(b.org.id)).toHaveLength(3);
  });

  it('an account with no membership may sign in only while it has an open invitation', async () => {
    const a = await createOrganizationWithMembers();
    const email = `${unique('loner')}@example.com`;
    await getPrisma().user.create({ data: { email, passwordHash: await hashPassword(PASSWORD) } });
    expect(await authenticateWithPassword(email, PASSWORD, { ip: '192.0.2.42' })).toEqual({ ok: false, reason: 'invalid_credentials' });
    const { invitation } = await inviteMember(a.owner, { email, role: 'AUDITOR' });
    expect((await authenticateWithPassword(email, PASSWORD, { ip: '192.0.2.42' })).ok).toBe(true);
    await revokeInvitation(a.owner, { invitationId: invitation.id });
    expect(await authenticateWithPassword(email, PASSWORD, { ip: '192.0.2.42' })).toEqual({ ok: false, reason: 'invalid_credentials' });
  });
});
