import { describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { inviteMember } from '@/lib/members/invitations';
import { changeMemberRole, listMembers, removeMember } from '@/lib/members/members';
import { auditRows, createMember, createOrganization, createOrganizationWithMembers, unique } from '../helpers/factories';

describe('members', () => {
  it('lists only the members of the caller’s organization', async () => {
    const a = await createOrganizationWithMembers();
    const b = await createOrganizationWithMembers();
    const emails = (await listMembers(a.auditor)).map((m) => m.email);
    expect(emails.sort()).toEqual([a.owner.label, a.admin.label, a.editor.label, a.auditor.label].sort());
    expect(emails).not.toContain(b.owner.label);
  });

  it.each(['ADMIN', 'EDITOR', 'AUDITOR'] as const)('forbids a %s to manage members', async (role) => {
    const org = await createOrganizationWithMembers();
    const actor = org[role.toLowerCase() as 'admin' | 'editor' | 'auditor'];
    await expect(inviteMember(actor, { email: `${unique('x')}@example.com`, role: 'OWNER' })).rejects.toBeInstanceOf(ForbiddenError);
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
