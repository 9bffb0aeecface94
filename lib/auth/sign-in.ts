import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { getPool, getPrisma, transaction } from '@/lib/db/client';
import { hasUnstorableText } from '@/lib/text';
import { hasOpenInvitation } from '@/lib/members/invitations';
import { verifyPassword } from './password';

/**
 * Sign-in attempts admitted per account and client address within the window; past it further
 * attempts from that client are refused without checking the password. Counted atomically
 * before the password is verified (one row per account × client, INSERT … ON CONFLICT), so
 * parallel guesses cannot all be evaluated; keyed by client too, so a stranger elsewhere cannot
 * lock the owner out; refused attempts do not extend the lock. ASVS 6.1.1 asks that the control
 * be documented (README).
 */
export const SIGN_IN_FAILURE_LIMIT = 10;
export const SIGN_IN_WINDOW_MINUTES = 15;
/** Checked before hashing anything: RFC 5321's address limit and our password maximum. */
export const MAX_EMAIL_LENGTH = 254;
export const MAX_PASSWORD_INPUT_LENGTH = 256;

export interface SignInContext {
  ip?: string | null;
  userAgent?: string | null;
  /** The organization the console will open (the active-organization cookie), if any. */
  preferredOrgId?: string | null;
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

/**
 * The client part of the limit's key: an IPv4 address, or an IPv6 /64 (one subscriber gets a
 * whole /64, so per-address keys would give them endless guesses).
 */
export function attemptKey(ip: string | null | undefined): string {
  if (!ip) return 'unknown';
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** Counts this attempt; false when the client is over the limit for this account (refused). */
async function admitAttempt(email: string, client: string): Promise<boolean> {
  const { rows } = await getPool().query<{ refused: boolean }>(
    `INSERT INTO sign_in_attempt AS a (email, client, window_start, attempts, refused) VALUES ($1, $2, now(), 1, false)
     ON CONFLICT (email, client) DO UPDATE SET
       window_start = CASE WHEN a.window_start < now() - make_interval(mins => $4) THEN now() ELSE a.window_start END,
       refused = a.window_start >= now() - make_interval(mins => $4) AND a.attempts >= $3,
       attempts = CASE WHEN a.window_start < now() - make_interval(mins => $4) THEN 1
                       WHEN a.attempts >= $3 THEN a.attempts
                       ELSE a.attempts + 1 END
     RETURNING refused`,
    [email, client, SIGN_IN_FAILURE_LIMIT, SIGN_IN_WINDOW_MINUTES],
  );
  return rows[0]?.refused !== true;
}

/** The organization a sign-in enters: the preferred one if the user is a member there, else the first. */
function enteredOrg(memberships: { orgId: string }[], preferred: string | null | undefined): string | null {
  return memberships.find((m) => m.orgId === preferred)?.orgId ?? memberships[0]?.orgId ?? null;
}

export async function authenticateWithPassword(emailInput: string, password: string, context: SignInContext = {}): Promise<SignInResult> {
  const email = normalizeEmail(emailInput);
  // Nothing unbounded or unstorable reaches the hash, the database or the audit chain.
  if (email.length > MAX_EMAIL_LENGTH || password.length > MAX_PASSWORD_INPUT_LENGTH || hasUnstorableText(email) || hasUnstorableText(password)) {
    return { ok: false, reason: 'invalid_credentials' };
  }
  const client = attemptKey(context.ip);
  const admitted = await admitAttempt(email, client);
  const user = await getPrisma().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, memberships: { select: { orgId: true }, orderBy: { createdAt: 'asc' } } },
  });
  // An admitted attempt is verified even for an unknown e-mail, so the response time reveals
  // nothing; a refused one is not (its answer says "refused" anyway), so a flood of refused
  // guesses costs no argon2 memory.
  const passwordOk = admitted ? await verifyPassword(user?.passwordHash, password) : false;
  // Someone with no membership yet (or any more) may still sign in to accept an open invitation.
  const ok = admitted && passwordOk && user !== null && (user.memberships.length > 0 || (await hasOpenInvitation(getPrisma(), email)));
  const reason = ok ? null : !admitted ? 'rate_limited' : user ? 'invalid_credentials' : 'unknown_user';
  if (ok) await getPool().query('DELETE FROM sign_in_attempt WHERE email = $1 AND client = $2', [email, client]);

  // One row per attempt, in the organization being entered only (an unknown e-mail: no organization).
  await transaction(async (tx) => {
    await recordAudit(tx, {
      orgId: user ? enteredOrg(user.memberships, context.preferredOrgId) : null,
      actor: ok && user ? { kind: 'user', userId: user.id, label: email } : { kind: 'anonymous', label: email },
      action: ok ? 'auth.sign_in' : 'auth.sign_in_failed',
      target: { type: 'user', id: email },
      details: { method: 'password', ...(reason ? { reason } : {}), ip: context.ip ?? null, userAgent: context.userAgent ?? null },
    });
  });
  if (!ok || !user) return { ok: false, reason: admitted ? 'invalid_credentials' : 'rate_limited' };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

/** OIDC sign-in: only people already provisioned as members may enter. */
export async function authenticateWithOidc(emailInput: string, context: SignInContext = {}): Promise<SignedInUser | null> {
  const email = normalizeEmail(emailInput);
  if (email.length > MAX_EMAIL_LENGTH || hasUnstorableText(email)) return null;
  const user = await getPrisma().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, memberships: { select: { orgId: true }, orderBy: { createdAt: 'asc' } } },
  });
  const ok = user !== null && (user.memberships.length > 0 || (await hasOpenInvitation(getPrisma(), email)));
  await transaction(async (tx) => {
    await recordAudit(tx, {
      orgId: user ? enteredOrg(user.memberships, context.preferredOrgId) : null,
      actor: ok && user ? { kind: 'user', userId: user.id, label: email } : { kind: 'anonymous', label: email },
      action: ok ? 'auth.sign_in' : 'auth.sign_in_failed',
      target: { type: 'user', id: email },
      details: { method: 'oidc', ...(ok ? {} : { reason: 'not_provisioned' }), ip: context.ip ?? null, userAgent: context.userAgent ?? null },
    });
  });
  return ok && user ? { id: user.id, email: user.email, name: user.name } : null;
}

/**
 * A session is valid while it is younger than the absolute lifetime and was issued after the
 * user's revocation point (bumped on sign-out, role change and removal).
 */
export function sessionIsCurrent(authTimeMs: unknown, sessionsValidAfter: Date, maxAgeSeconds: number, now = Date.now()): boolean {
  if (typeof authTimeMs !== 'number' || !Number.isFinite(authTimeMs)) return false;
  return authTimeMs >= sessionsValidAfter.getTime() && now - authTimeMs < maxAgeSeconds * 1000;
}

export async function revokeSessions(userId: string): Promise<void> {
  await getPrisma().user.updateMany({ where: { id: userId }, data: { sessionsValidAfter: new Date() } });
}
