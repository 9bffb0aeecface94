import 'server-only';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit/record';
import { hashPassword } from '@/lib/auth/password';
import { generateToken } from '@/lib/auth/token-format';
import { transaction } from '@/lib/db/client';
import { BadRequestError, NotFoundError } from '@/lib/errors';
import { parseWith } from '@/lib/http/json';
import { emailSchema, organizationNameSchema, passwordSchema, roleSchema } from '@/lib/members/schemas';
import { createTokenSchema } from '@/lib/tokens/schemas';

/**
 * What the admin CLI does. It has direct database access, so it is trusted like a database
 * superuser, but every change still lands in the audit log (actor type `cli`).
 */
const CLI_ACTOR = { kind: 'cli', label: 'admin CLI' } as const;

const createUserSchema = z
  .object({ email: emailSchema, password: passwordSchema, role: roleSchema, org: organizationNameSchema })
  .strict();

export interface ProvisionedUser {
  userId: string;
  orgId: string;
  createdUser: boolean;
  createdOrganization: boolean;
  createdMembership: boolean;
}

/** Creates the organization if missing, the user if missing, and the membership (or updates its role). */
export async function provisionUser(input: unknown): Promise<ProvisionedUser> {
  const data = parseWith(createUserSchema, input, 'create-user');
  const passwordHash = await hashPassword(data.password);
  return transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('pilotlight:setup', 0))`;
    const existingOrg = await tx.organization.findUnique({ where: { name: data.org } });
    const organization = existingOrg ?? (await tx.organization.create({ data: { name: data.org } }));
    const existingUser = await tx.user.findUnique({ where: { email: data.email } });
    const user = existingUser ?? (await tx.user.create({ data: { email: data.email, passwordHash } }));
    const membership = await tx.membership.findUnique({ where: { orgId_userId: { orgId: organization.id, userId: user.id } } });
    if (!membership) {
      await tx.membership.create({ data: { orgId: organization.id, userId: user.id, role: data.role } });
      await recordAudit(tx, {
        orgId: organization.id,
        actor: CLI_ACTOR,
        action: 'member.added',
        target: { type: 'user', id: user.id },
        after: { email: user.email, role: data.role },
        details: { newAccount: !existingUser, newOrganization: !existingOrg },
      });
    } else if (membership.role !== data.role) {
      await tx.membership.update({ where: { orgId_userId: { orgId: organization.id, userId: user.id } }, data: { role: data.role } });
      await recordAudit(tx, {
        orgId: organization.id,
        actor: CLI_ACTOR,
        action: 'member.role_changed',
        target: { type: 'user', id: user.id },
        before: { email: user.email, role: membership.role },
        after: { email: user.email, role: data.role },
      });
    }
    return {
      userId: user.id,
      orgId: organization.id,
      createdUser: !existingUser,
      createdOrganization: !existingOrg,
      createdMembership: !membership,
    };
  });
}

const cliTokenSchema = createTokenSchema.extend({ email: emailSchema, org: organizationNameSchema.optional() });

/** Creates an API token acting for the member; returns the secret (shown once). */
export async function provisionToken(input: unknown): Promise<{ token: string; orgName: string }> {
  const data = parseWith(cliTokenSchema, input, 'create-token');
  const secret = generateToken();
  return transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { email: data.email },
      select: { id: true, email: true, memberships: { select: { role: true, organization: { select: { id: true, name: true } } } } },
    });
    if (!user) throw new NotFoundError(`The user ${data.email}`);
    const memberships = data.org ? user.memberships.filter((m) => m.organization.name === data.org) : user.memberships;
    if (memberships.length === 0) throw new NotFoundError(`A membership of ${data.email}${data.org ? ` in ${data.org}` : ''}`);
    if (memberships.length > 1) {
      throw new BadRequestError(`${data.email} belongs to several organizations; pass --org (${memberships.map((m) => m.organization.name).join(', ')}).`);
    }
    const organization = memberships[0]!.organization;
    const row = await tx.apiToken.create({
      data: { orgId: organization.id, userId: user.id, name: data.name, prefix: secret.displayPrefix, tokenHash: secret.hash, scopes: data.scopes },
    });
    await recordAudit(tx, {
      orgId: organization.id,
      actor: CLI_ACTOR,
      action: 'token.created',
      target: { type: 'api_token', id: row.id },
      after: { name: row.name, prefix: row.prefix, scopes: row.scopes, actsFor: user.email },
    });
    return { token: secret.token, orgName: organization.name };
  });
}
