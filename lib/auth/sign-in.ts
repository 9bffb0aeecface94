import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { getPrisma, transaction } from '@/lib/db/client';
import { verifyPassword } from './password';

/**
 * Failed sign-ins per e-mail address within the window before further attempts are refused.
 * Counted from the audit log, so the limit holds across app instances; a legitimate user is
 * locked out for at most the window (ASVS 6.1.1 asks that the control be documented).
 */
export const SIGN_IN_FAILURE_LIMIT = 10;
export const SIGN_IN_WINDOW_MINUTES = 15;

export interface SignInContext {
  ip?: string | null;
  userAgent?: string | null;
}

export interface SignedInUser {
  id: string;
  email: string;
  name: string | null;
}

export type SignInResult = { ok: true; user: SignedInUser } | { ok: false; reason: 'invalid_credentials' | 'rate_limited' };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function authenticateWithPassword(
  emailInput: string,
  password: string,
  context: SignInContext = {},
): Promise<SignInResult> {
  const email = normalizeEmail(emailInput);
  const prisma = getPrisma();
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const recentFailures = await prisma.auditLog.count({
    where: { action: 'auth.sign_in_failed', targetId: email, createdAt: { gte: since } },
  });
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, memberships: { select: { orgId: true } } },
  });
  const rateLimited = recentFailures >= SIGN_IN_FAILURE_LIMIT;
  // Verify even when rate-limited or unknown so the response time reveals nothing.
  const passwordOk = await verifyPassword(user?.passwordHash, password);
  const ok = passwordOk && !rateLimited && user !== null && user.memberships.length > 0;
  const reason = ok ? null : rateLimited ? 'rate_limited' : user ? 'invalid_credentials' : 'unknown_user';
  const orgIds: (string | null)[] = user?.memberships.length ? user.memberships.map((m) => m.orgId) : [null];

  await transaction(async (tx) => {
    for (const orgId of orgIds) {
      await recordAudit(tx, {
        orgId,
        actor: ok && user ? { kind: 'user', userId: user.id, label: email } : { kind: 'anonymous', label: email },
        action: ok ? 'auth.sign_in' : 'auth.sign_in_failed',
        target: { type: 'user', id: email },
        details: { method: 'password', ...(reason ? { reason } : {}), ip: context.ip ?? null, userAgent: context.userAgent ?? null },
      });
    }
  });
  if (!ok || !user) return { ok: false, reason: rateLimited ? 'rate_limited' : 'invalid_credentials' };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

/** OIDC sign-in: only people already provisioned as members may enter. */
export async function authenticateWithOidc(emailInput: string, context: SignInContext = {}): Promise<SignedInUser | null> {
  const email = normalizeEmail(emailInput);
  const user = await getPrisma().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, memberships: { select: { orgId: true } } },
  });
  const ok = user !== null && user.memberships.length > 0;
  const orgIds: (string | null)[] = user?.memberships.length ? user.memberships.map((m) => m.orgId) : [null];
  await transaction(async (tx) => {
    for (const orgId of orgIds) {
      await recordAudit(tx, {
        orgId,
        actor: ok && user ? { kind: 'user', userId: user.id, label: email } : { kind: 'anonymous', label: email },
        action: ok ? 'auth.sign_in' : 'auth.sign_in_failed',
        target: { type: 'user', id: email },
        details: { method: 'oidc', ...(ok ? {} : { reason: 'not_provisioned' }), ip: context.ip ?? null },
      });
    }
  });
  return ok && user ? { id: user.id, email: user.email, name: user.name } : null;
}
