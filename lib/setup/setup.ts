import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { hashPassword } from '@/lib/auth/password';
import { getPrisma, transaction } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { parseWith } from '@/lib/http/json';
import { setupSchema } from '@/lib/members/schemas';

/** First-run setup exists only while the database has no users at all. */
export async function isSetupRequired(): Promise<boolean> {
  return (await getPrisma().user.count()) === 0;
}

/**
 * Creates the first organization and its owner. Public by design, and therefore guarded:
 * a transaction-level advisory lock serialises concurrent attempts, and once any user exists
 * this answers 404 exactly like the page does.
 */
export async function completeSetup(input: unknown): Promise<{ orgId: string; userId: string }> {
  const data = parseWith(setupSchema, input, 'Setup');
  const passwordHash = await hashPassword(data.password);
  return transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('pilotlight:setup', 0))`;
    if ((await tx.user.count()) > 0) throw new NotFoundError('Setup');
    const organization = await tx.organization.create({ data: { name: data.organization } });
    const user = await tx.user.create({ data: { email: data.email, name: data.name || null, passwordHash } });
    await tx.membership.create({ data: { orgId: organization.id, userId: user.id, role: 'OWNER' } });
    await recordAudit(tx, {
      orgId: organization.id,
      actor: { kind: 'user', userId: user.id, label: user.email },
      action: 'setup.completed',
      target: { type: 'organization', id: organization.id },
      after: { organization: organization.name, owner: user.email },
    });
    return { orgId: organization.id, userId: user.id };
  });
}
