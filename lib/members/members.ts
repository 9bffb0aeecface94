import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor, type Role } from '@/lib/auth/permissions';
import { getPrisma, transaction, type Tx } from '@/lib/db/client';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { parseWith } from '@/lib/http/json';
import { changeRoleSchema, removeMemberSchema } from './schemas';

export interface MemberView {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  joinedAt: Date;
}

export async function listMembers(actor: Actor): Promise<MemberView[]> {
  assertCan(actor, 'members:read');
  const rows = await getPrisma().membership.findMany({
    where: { orgId: actor.orgId },
    select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
    orderBy: [{ createdAt: 'asc' }],
  });
  return rows.map((m) => ({ userId: m.user.id, email: m.user.email, name: m.user.name, role: m.role, joinedAt: m.createdAt }));
}

// Adding a member is an invitation the person accepts: see ./invitations.ts.

/** Locks the organization's owner rows so two concurrent demotions cannot remove the last owner. */
async function lockedOwnerIds(tx: Tx, orgId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ user_id: string }[]>`
    SELECT user_id::text FROM membership WHERE org_id = ${orgId}::uuid AND role = 'OWNER' FOR UPDATE`;
  return rows.map((row) => row.user_id);
}

async function findMembership(tx: Tx, orgId: string, userId: string) {
  const membership = await tx.membership.findUnique({
    where: { orgId_userId: { orgId, userId } },
    select: { role: true, user: { select: { email: true } } },
  });
  if (!membership) throw new NotFoundError('The member');
  return membership;
}

export async function changeMemberRole(actor: Actor, input: unknown): Promise<void> {
  assertCan(actor, 'members:manage');
  const { userId, role } = parseWith(changeRoleSchema, input, 'The role change');
  await transaction(async (tx) => {
    const owners = await lockedOwnerIds(tx, actor.orgId);
    const membership = await findMembership(tx, actor.orgId, userId);
    if (membership.role === role) return;
    if (membership.role === 'OWNER' && owners.length <= 1) {
      throw new ConflictError('This is the last owner: make someone else an owner first.');
    }
    await tx.membership.update({ where: { orgId_userId: { orgId: actor.orgId, userId } }, data: { role } });
    // Sessions issued under the old role end now (the console re-reads roles anyway; this also
    // voids cookies a stolen-session holder keeps renewing).
    await tx.user.update({ where: { id: userId }, data: { sessionsValidAfter: new Date() } });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor,
      action: 'member.role_changed',
      target: { type: 'user', id: userId },
      before: { email: membership.user.email, role: membership.role },
      after: { email: membership.user.email, role },
    });
  });
}

export async function removeMember(actor: Actor, input: unknown): Promise<void> {
  assertCan(actor, 'members:manage');
  const { userId } = parseWith(removeMemberSchema, input, 'The removal');
  await transaction(async (tx) => {
    const owners = await lockedOwnerIds(tx, actor.orgId);
    const membership = await findMembership(tx, actor.orgId, userId);
    if (membership.role === 'OWNER' && owners.length <= 1) {
      throw new ConflictError('This is the last owner and cannot be removed.');
    }
    await tx.membership.delete({ where: { orgId_userId: { orgId: actor.orgId, userId } } });
    // A removed member's sessions and this organization's tokens of theirs end now; adding the
    // person again later revives neither (revoked tokens stay revoked, old sessions stay void).
    await tx.user.update({ where: { id: userId }, data: { sessionsValidAfter: new Date() } });
    await tx.apiToken.updateMany({ where: { orgId: actor.orgId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor,
      action: 'member.removed',
      target: { type: 'user', id: userId },
      before: { email: membership.user.email, role: membership.role },
    });
  });
}
