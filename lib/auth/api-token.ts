import 'server-only';
import { getPool } from '@/lib/db/client';
import { ForbiddenError, UnauthorizedError } from '@/lib/errors';
import { isScope, type Actor, type Role, type Scope } from './permissions';
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
  // One indexed lookup with plain SQL: this runs on every API request (downloads by the
  // thousand per second), where an ORM round trip per relation would dominate.
  const { rows } = await getPool().query<TokenRow>({
    // Named: each pooled connection plans it once.
    name: 'api-token-lookup',
    text: `SELECT t.id, t.org_id, t.user_id, t.scopes, t.revoked_at, t.last_used_at, u.email, m.role
             FROM api_token t
             JOIN app_user u ON u.id = t.user_id
             LEFT JOIN membership m ON m.org_id = t.org_id AND m.user_id = t.user_id
            WHERE t.token_hash = $1`,
    values: [hashToken(token)],
  });
  const record = rows[0];
  if (!record || record.revoked_at) throw new UnauthorizedError('The API token is invalid or has been revoked.');
  if (!record.role) throw new UnauthorizedError('The API token belongs to someone who is no longer a member.');

  const scopes = record.scopes.filter(isScope);
  if (requiredScope && !scopes.includes(requiredScope)) {
    throw new ForbiddenError(`This API token lacks the scope ${requiredScope}.`, { scope: requiredScope });
  }
  if (!record.last_used_at || Date.now() - record.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
    await getPool().query('UPDATE api_token SET last_used_at = now() WHERE id = $1', [record.id]);
  }
  return {
    kind: 'token',
    userId: record.user_id,
    tokenId: record.id,
    orgId: record.org_id,
    role: record.role,
    scopes,
    label: record.email,
  };
}

interface TokenRow {
  id: string;
  org_id: string;
  user_id: string;
  scopes: string[];
  revoked_at: Date | null;
  last_used_at: Date | null;
  email: string;
  role: Role | null;
}
