import 'server-only';
import { randomBytes } from 'node:crypto';
import { recordAudit } from '@/lib/audit/record';
import { hashPassword } from '@/lib/auth/password';
import { assertCan, type Actor, type Role } from '@/lib/auth/permissions';
import { hashToken } from '@/lib/auth/token-format';
import { getPrisma, transaction, type Tx } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { AppError, ConflictError, NotFoundError } from '@/lib/errors';
import { parseWith } from '@/lib/http/json';
import { invitationIdSchema, inviteMemberSchema, newAccountSchema } from './schemas';

/**
 * Adding someone to an organization is an invitation they accept (issue 8, item 15). The
 * inviting owner gets the same answer whether or not the address has an account anywhere on
 * the instance, no account is ever added to an organization without its owner's consent, and
 * the owner never sets anyone's password. The link's token is shown once; only its sha256 is
 * stored, so neither the database nor the audit log holds a usable link.
 */
export const INVITATION_LIFETIME_DAYS = 7;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface InvitationView {
  id: string;
  email: string;
  role: Role;
  createdAt: Date;
  expiresAt: Date;
  invitedBy: string | null;
  expired: boolean;
}

/** An invitation as its addressee sees it (on /invitations and /invite/<token>). */
export interface ReceivedInvitation {
  id: string;
  email: string;
  role: Role;
  organization: { id: string; name: string };
  invitedBy: string | null;
  expiresAt: Date;
}

/** The signed-in person accepting or declining (no membership needed: they may have none yet). */
export interface Invitee {
  userId: string;
  email: string;
}

/** Why a link does not work, for a clear page instead of a generic 404. */
export type InvitationState = 'open' | 'expired' | 'revoked' | 'accepted' | 'declined' | 'unknown';

export class InvitationUnavailableError extends AppError {
  constructor(readonly state: Exclude<InvitationState, 'open'>) {
    super(410, 'invitation_unavailable', UNAVAILABLE_MESSAGES[state], { state });
  }
}

export const UNAVAILABLE_MESSAGES: Record<Exclude<InvitationState, 'open'>, string> = {
  unknown: 'This invitation link is not valid. Check that you copied all of it, or ask for a new invitation.',
  expired: `This invitation has expired (invitations are valid for ${INVITATION_LIFETIME_DAYS} days). Ask an owner of the organization for a new one.`,
  revoked: 'This invitation was withdrawn. Ask an owner of the organization for a new one.',
  accepted: 'This invitation has already been used. Sign in to open the organization.',
  declined: 'This invitation was declined. Ask an owner of the organization for a new one if you changed your mind.',
};

const OPEN = { acceptedAt: null, declinedAt: null, revokedAt: null } as const;

function newInvitationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function invitationPath(token: string): string {
  return `/invite/${token}`;
}

export async function listInvitations(actor: Actor): Promise<InvitationView[]> {
  assertCan(actor, 'members:read');
  const rows = await getPrisma().memberInvitation.findMany({
    where: { orgId: actor.orgId, ...OPEN },
    select: { id: true, email: true, role: true, createdAt: true, expiresAt: true, inviter: { select: { email: true } } },
    orderBy: { createdAt: 'desc' },
  });
  const now = Date.now();
  return rows.map(({ inviter, ...row }) => ({ ...row, invitedBy: inviter?.email ?? null, expired: row.expiresAt.getTime() <= now }));
}

/**
 * Invites `email` with `role`. Same answer for any address (an account here, elsewhere on the
 * instance, or none); only a current member of this organization is refused, as the owner sees
 * them in the member list anyway. A new invitation to the same address replaces the open one.
 */
export async function inviteMember(actor: Actor, input: unknown): Promise<{ invitation: InvitationView; token: string }> {
  assertCan(actor, 'members:manage');
  const data = parseWith(inviteMemberSchema, input, 'The invitation');
  const { token, hash } = newInvitationToken();
  try {
    return await transaction(async (tx) => {
      const member = await tx.membership.findFirst({ where: { orgId: actor.orgId, user: { email: data.email } }, select: { userId: true } });
      if (member) throw new ConflictError(`${data.email} is already a member.`, { issues: [{ path: 'email', message: 'Already a member of this organization.' }] });
      const replaced = await tx.memberInvitation.updateManyAndReturn({ where: { orgId: actor.orgId, email: data.email, ...OPEN }, data: { revokedAt: new Date() }, select: { id: true } });
      const row = await tx.memberInvitation.create({
        data: { orgId: actor.orgId, email: data.email, role: data.role, tokenHash: hash, invitedBy: actor.userId, expiresAt: new Date(Date.now() + INVITATION_LIFETIME_DAYS * 86_400_000) },
      });
      await recordAudit(tx, {
        orgId: actor.orgId,
        actor,
        action: 'member.invited',
        target: { type: 'invitation', id: row.id },
        after: { email: row.email, role: row.role, expiresAt: row.expiresAt },
        ...(replaced.length ? { details: { replaced: replaced.map((r) => r.id) } } : {}),
      });
      return { token, invitation: { id: row.id, email: row.email, role: row.role, createdAt: row.createdAt, expiresAt: row.expiresAt, invitedBy: actor.label, expired: false } };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`${data.email} was invited at the same moment by someone else. Reload to see the invitation.`);
    throw error;
  }
}

export async function revokeInvitation(actor: Actor, input: unknown): Promise<void> {
  assertCan(actor, 'members:manage');
  const { invitationId } = parseWith(invitationIdSchema, input, 'The invitation');
  await transaction(async (tx) => {
    const [row] = await tx.memberInvitation.updateManyAndReturn({ where: { id: invitationId, orgId: actor.orgId, ...OPEN }, data: { revokedAt: new Date() } });
    if (!row) throw new NotFoundError('The open invitation');
    await recordAudit(tx, { orgId: actor.orgId, actor, action: 'invitation.revoked', target: { type: 'invitation', id: row.id }, before: { email: row.email, role: row.role } });
  });
}

function stateOf(row: { acceptedAt: Date | null; declinedAt: Date | null; revokedAt: Date | null; expiresAt: Date } | null): InvitationState {
  if (!row) return 'unknown';
  if (row.acceptedAt) return 'accepted';
  if (row.declinedAt) return 'declined';
  if (row.revokedAt) return 'revoked';
  return row.expiresAt.getTime() <= Date.now() ? 'expired' : 'open';
}

const RECEIVED_SELECT = {
  id: true,
  email: true,
  role: true,
  expiresAt: true,
  acceptedAt: true,
  declinedAt: true,
  revokedAt: true,
  organization: { select: { id: true, name: true } },
  inviter: { select: { email: true } },
} as const;

function received(row: { id: string; email: string; role: Role; expiresAt: Date; organization: { id: string; name: string }; inviter: { email: string } | null }): ReceivedInvitation {
  return { id: row.id, email: row.email, role: row.role, organization: row.organization, invitedBy: row.inviter?.email ?? null, expiresAt: row.expiresAt };
}

/** For /invite/<token>: the open invitation behind a link, or why the link does not work. */
export async function findInvitationByToken(token: string): Promise<{ state: 'open'; invitation: ReceivedInvitation } | { state: Exclude<InvitationState, 'open'> }> {
  if (!TOKEN_PATTERN.test(token)) return { state: 'unknown' };
  const row = await getPrisma().memberInvitation.findUnique({ where: { tokenHash: hashToken(token) }, select: RECEIVED_SELECT });
  const state = stateOf(row);
  return state === 'open' && row ? { state, invitation: received(row) } : { state: state === 'open' ? 'unknown' : state };
}

/** The signed-in person's open invitations, matched by their account's e-mail. */
export async function listReceivedInvitations(invitee: Invitee): Promise<ReceivedInvitation[]> {
  const rows = await getPrisma().memberInvitation.findMany({
    where: { email: invitee.email.toLowerCase(), ...OPEN, expiresAt: { gt: new Date() } },
    select: RECEIVED_SELECT,
    orderBy: { createdAt: 'asc' },
  });
  return rows.map(received);
}

/** How many invitations the person can answer on /invitations (a link in the console shell). */
export async function countReceivedInvitations(email: string): Promise<number> {
  return getPrisma().memberInvitation.count({ where: { email: email.toLowerCase(), ...OPEN, expiresAt: { gt: new Date() } } });
}

/** True when the address has an invitation it can still accept (lets such a person sign in). */
export async function hasOpenInvitation(tx: Pick<Tx, 'memberInvitation'>, email: string): Promise<boolean> {
  return (await tx.memberInvitation.count({ where: { email, ...OPEN, expiresAt: { gt: new Date() } } })) > 0;
}

/**
 * Closes an open, unexpired invitation in the transaction, or throws why it cannot be. The
 * conditional update makes two parallel accepts of one link produce one membership.
 */
async function closeInvitation(tx: Tx, where: { id: string } | { tokenHash: string }, email: string | null, data: { acceptedAt: Date } | { declinedAt: Date }) {
  const [row] = await tx.memberInvitation.updateManyAndReturn({ where: { ...where, ...(email ? { email } : {}), ...OPEN, expiresAt: { gt: new Date() } }, data });
  if (row) return row;
  const current = await tx.memberInvitation.findFirst({ where: { ...where, ...(email ? { email } : {}) } });
  const state = stateOf(current);
  throw new InvitationUnavailableError(state === 'open' ? 'unknown' : state);
}

async function join(tx: Tx, invitation: { id: string; orgId: string; role: Role; invitedBy: string | null; email: string }, user: { id: string; email: string }, newAccount: boolean) {
  const existing = await tx.membership.findUnique({ where: { orgId_userId: { orgId: invitation.orgId, userId: user.id } } });
  if (!existing) await tx.membership.create({ data: { orgId: invitation.orgId, userId: user.id, role: invitation.role } });
  await recordAudit(tx, {
    orgId: invitation.orgId,
    actor: { kind: 'user', userId: user.id, label: user.email },
    action: 'invitation.accepted',
    target: { type: 'user', id: user.id },
    after: { email: user.email, role: existing?.role ?? invitation.role },
    details: { invitationId: invitation.id, invitedBy: invitation.invitedBy, newAccount, ...(existing ? { alreadyMember: true } : {}) },
  });
  return { orgId: invitation.orgId, role: existing?.role ?? invitation.role };
}

/** A signed-in person accepts an invitation addressed to their account's e-mail. */
export async function acceptInvitation(invitee: Invitee, input: unknown): Promise<{ orgId: string; role: Role }> {
  const { invitationId } = parseWith(invitationIdSchema, input, 'The invitation');
  return transaction(async (tx) => {
    const invitation = await closeInvitation(tx, { id: invitationId }, invitee.email.toLowerCase(), { acceptedAt: new Date() });
    return join(tx, invitation, { id: invitee.userId, email: invitee.email }, false);
  });
}

export async function declineInvitation(invitee: Invitee, input: unknown): Promise<void> {
  const { invitationId } = parseWith(invitationIdSchema, input, 'The invitation');
  await transaction(async (tx) => {
    const row = await closeInvitation(tx, { id: invitationId }, invitee.email.toLowerCase(), { declinedAt: new Date() });
    await recordAudit(tx, {
      orgId: row.orgId,
      actor: { kind: 'user', userId: invitee.userId, label: invitee.email },
      action: 'invitation.declined',
      target: { type: 'invitation', id: row.id },
      before: { email: row.email, role: row.role },
    });
  });
}

/**
 * Someone without an account opens the link and sets their own name and password: the account
 * (with the invited address) and the membership are created together. An address that already
 * has an account is refused — the link must never set the password of an existing account;
 * its holder signs in and accepts instead.
 */
export async function acceptInvitationAsNewAccount(token: string, input: unknown): Promise<{ email: string; orgId: string }> {
  const data = parseWith(newAccountSchema, input, 'Your account');
  // Checked before hashing, so this public action costs an argon2 hash only for a live link
  // (and checked again, under the row's update, in the transaction).
  const found = await findInvitationByToken(token);
  if (found.state !== 'open') throw new InvitationUnavailableError(found.state);
  const passwordHash = await hashPassword(data.password);
  try {
    return await transaction(async (tx) => {
      const invitation = await closeInvitation(tx, { tokenHash: hashToken(token) }, null, { acceptedAt: new Date() });
      if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
        throw new ConflictError('An account with this e-mail already exists: sign in with it to accept the invitation.', { code: 'account_exists' });
      }
      const user = await tx.user.create({ data: { email: invitation.email, name: data.name, passwordHash }, select: { id: true, email: true } });
      const joined = await join(tx, invitation, user, true);
      return { email: user.email, orgId: joined.orgId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('An account with this e-mail already exists: sign in with it to accept the invitation.', { code: 'account_exists' });
    throw error;
  }
}
