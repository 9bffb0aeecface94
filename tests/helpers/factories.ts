import { randomUUID } from 'node:crypto';
import { hashToken, generateToken } from '@/lib/auth/token-format';
import { scopesForRole, type Actor, type Role, type Scope } from '@/lib/auth/permissions';
import { getPrisma } from '@/lib/db/client';

/**
 * Test data, created per test with unique names so test files can run in parallel against one
 * database without a global reset. Factories write through Prisma directly: they set up state,
 * the code under test goes through lib/.
 */
export function unique(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function createOrganization(name = unique('org')): Promise<{ id: string; name: string }> {
  return getPrisma().organization.create({ data: { name }, select: { id: true, name: true } });
}

/** A member of `orgId` with `role`, returned as the Actor a signed-in session would produce. */
export async function createMember(orgId: string, role: Role, email = `${unique(role.toLowerCase())}@example.com`): Promise<Actor> {
  const user = await getPrisma().user.create({ data: { email, passwordHash: null } });
  await getPrisma().membership.create({ data: { orgId, userId: user.id, role } });
  return { kind: 'user', userId: user.id, orgId, role, scopes: scopesForRole(role), label: email };
}

/** An organization with one member of each role. */
export async function createOrganizationWithMembers() {
  const org = await createOrganization();
  const [owner, admin, editor, auditor] = await Promise.all(
    (['OWNER', 'ADMIN', 'EDITOR', 'AUDITOR'] as const).map((role) => createMember(org.id, role)),
  );
  return { org, owner: owner!, admin: admin!, editor: editor!, auditor: auditor! };
}

/** An API token acting for `member` with `scopes`; returns the secret and the Actor it resolves to. */
export async function createTokenFor(member: Actor, scopes: Scope[]): Promise<{ token: string; tokenId: string; actor: Actor }> {
  const secret = generateToken();
  const row = await getPrisma().apiToken.create({
    data: { orgId: member.orgId, userId: member.userId, name: unique('token'), prefix: secret.displayPrefix, tokenHash: hashToken(secret.token), scopes },
  });
  return { token: secret.token, tokenId: row.id, actor: { ...member, kind: 'token', tokenId: row.id, scopes } };
}

export async function auditRows(orgId: string, action?: string) {
  return getPrisma().auditLog.findMany({ where: { orgId, ...(action ? { action } : {}) }, orderBy: { seq: 'asc' } });
}
