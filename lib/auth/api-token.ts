import 'server-only';
import { getPrisma } from '@/lib/db/client';
import { ForbiddenError, UnauthorizedError } from '@/lib/errors';
import { isScope, type Actor, type Scope } from './permissions';
import { hashToken, parseBearerToken } from './token-format';

/** last_used_at is refreshed at most this often, so busy tokens do not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * For /api/v1 route handlers: the Actor behind `Authorization: Bearer <token>`.
 * Missing, malformed, unknown or revoked token → 401; a token whose member has left the
 * organization → 401; a token without `requiredScope` → 403.
 * The token acts with its member's current role, never more.
 */
export async function requireToken(request: Request, requiredScope?: Scope): Promise<Actor> {
  const token = parseBearerToken(request.headers.get('authorization'));
  if (!token) throw new UnauthorizedError();
  const prisma = getPrisma();
  const record = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      orgId: true,
      userId: true,
      scopes: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { email: true, memberships: { select: { orgId: true, role: true } } } },
    },
  });
  if (!record || record.revokedAt) throw new UnauthorizedError('The API token is invalid or has been revoked.');
  const membership = record.user.memberships.find((m) => m.orgId === record.orgId);
  if (!membership) throw new UnauthorizedError('The API token belongs to someone who is no longer a member.');

  const scopes = record.scopes.filter(isScope);
  if (requiredScope && !scopes.includes(requiredScope)) {
    throw new ForbiddenError(`This API token lacks the scope ${requiredScope}.`, { scope: requiredScope });
  }
  if (!record.lastUsedAt || Date.now() - record.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiToken.update({ where: { id: record.id }, data: { lastUsedAt: new Date() } });
  }
  return {
    kind: 'token',
    userId: record.userId,
    tokenId: record.id,
    orgId: record.orgId,
    role: membership.role,
    scopes,
    label: record.user.email,
  };
}
