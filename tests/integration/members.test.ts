import { describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { addMember, changeMemberRole, listMembers, removeMember } from '@/lib/members/members';
import { auditRows, createMember, createOrganization, createOrganizationWithMembers, unique } from '../helpers/factories';

const password = 'a long enough password';

describe('members', () => {
  it('lists only the members of the caller’s organization', async () => {
    const a = await createOrganizationWithMembers();
    const b = await createOrganizationWithMembers();
    const emails = (await listMembers(a.auditor)).map((m) => m.email);
    expect(emails.sort()).toEqual([a.owner.label, a.admin.label, a.editor.label, a.auditor.label].sort());
    expect(emails).not.toContain(b.owner.label);
  });

  it('lets an owner add a new person, with an audit row in the same transaction', async () => {
    const { org, owner } = await createOrganizationWithMembers();
    const email = `${unique('new')}@Example.COM`;
    const member = await addMember(owner, { email, role: 'EDITOR', password, name: 'New Person' });
    expect(member).toMatchObject({ email: email.toLowerCase(), role: 'EDITOR', name: 'New Person' });
    const [row] = await auditRows(org.id, 'member.added');
    expect(row).toMatchObject({ actorType: 'user', actorId: owner.userId, targetId: member.userId, after: { email: email.toLowerCase(), role: 'EDITOR' } });
  });

  it('adds an existing account (member elsewhere) without a password and keeps its password', async () => {
    const a = await createOrganizationWithMembers();
    const b = await createOrganizationWithMembers();
    const before = await getPrisma().user.findUniqueOrThrow({ where: { id: b.editor.userId } });
    await addMember(a.owner, { email: b.editor.label, role: 'AUDITOR' });
    const after = await getPrisma().user.findUniqueOrThrow({ where: { id: b.editor.userId } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect((await listMembers(a.owner)).find((m) => m.email === b.editor.label)?.role).toBe('AUDITOR');
  });

  it('needs a password for a new person and writes nothing without one', async () => {
    const { org, owner } = await createOrganizationWithMembers();
    const email = `${unique('nopass')}@example.com`;
    await expect(addMember(owner, { email, role: 'EDITOR' })).rejects.toMatchObject({ status: 400 });
    expect(await getPrisma().user.findUnique({ where: { email } })).toBeNull();
    expect(await auditRows(org.id, 'member.added')).toHaveLength(0);
  });

  it('rejects bad input listing every problem, and unknown fields', async () => {
    const { owner } = await createOrganizationWithMembers();
    const error = await addMember(owner, { email: 'nope', role: 'KING', password: 'short', extra: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path).sort()).toEqual(['email', 'extra', 'password', 'role']);
  });

  it('refuses a duplicate membership with 409', async () => {
    const { owner, editor } = await createOrganizationWithMembers();
    await expect(addMember(owner, { email: editor.label, role: 'ADMIN' })).rejects.toBeInstanceOf(ConflictError);
  });

  it.each(['ADMIN', 'EDITOR', 'AUDITOR'] as const)('forbids a %s to manage members', async (role) => {
    const org = await createOrganizationWithMembers();
    const actor = org[role.toLowerCase() as 'admin' | 'editor' | 'auditor'];
    await expect(addMember(actor, { email: `${unique('x')}@example.com`, role: 'OWNER', password })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeMemberRole(actor, { userId: actor.userId, role: 'OWNER' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeMember(actor, { userId: org.owner.userId })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('changes a role with before and after in the audit log', async () => {
    const { org, owner, editor } = await createOrganizationWithMembers();
    await changeMemberRole(owner, { userId: editor.userId, role: 'ADMIN' });
    expect((await listMembers(owner)).find((m) => m.userId === editor.userId)?.role).toBe('ADMIN');
    const [row] = await auditRows(org.id, 'member.role_changed');
    expect(row).toMatchObject({ before: { role: 'EDITOR' }, after: { role: 'ADMIN' } });
  });

  it('never demotes or removes the last owner', async () => {
    const { org, owner } = await createOrganizationWithMembers();
    await expect(changeMemberRole(owner, { userId: owner.userId, role: 'ADMIN' })).rejects.toBeInstanceOf(ConflictError);
    await expect(removeMember(owner, { userId: owner.userId })).rejects.toBeInstanceOf(ConflictError);
    expect((await listMembers(owner)).find((m) => m.userId === owner.userId)?.role).toBe('OWNER');
    expect(await auditRows(org.id, 'member.role_changed')).toHaveLength(0);
  });

  it('keeps one owner when two owners demote each other at the same time', async () => {
    const org = await createOrganization();
    const first = await createMember(org.id, 'OWNER');
    const second = await createMember(org.id, 'OWNER');
    const results = await Promise.allSettled([
      changeMemberRole(first, { userId: second.userId, role: 'ADMIN' }),
      changeMemberRole(second, { userId: first.userId, role: 'ADMIN' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    const owners = await getPrisma().membership.count({ where: { orgId: org.id, role: 'OWNER' } });
    expect(owners).toBe(1);
  });

  it('removes a member; their API tokens stop working because the membership is gone', async () => {
    const { org, owner, admin } = await createOrganizationWithMembers();
    await removeMember(owner, { userId: admin.userId });
    expect((await listMembers(owner)).map((m) => m.userId)).not.toContain(admin.userId);
    expect(await auditRows(org.id, 'member.removed')).toHaveLength(1);
  });

  it('answers 404 for a member of another organization (no cross-tenant changes)', async () => {
    const a = await createOrganizationWithMembers();
    const b = await createOrganizationWithMembers();
    await expect(changeMemberRole(a.owner, { userId: b.editor.userId, role: 'OWNER' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeMember(a.owner, { userId: b.editor.userId })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listMembers(b.owner)).find((m) => m.userId === b.editor.userId)?.role).toBe('EDITOR');
  });
});
