import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { generateToken } from '@/lib/auth/token-format';
import { getPrisma, transaction } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { parseWith } from '@/lib/http/json';
import { createTokenSchema, revokeTokenSchema } from './schemas';

export interface TokenView {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const tokenSelect = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  user: { select: { email: true } },
} as const;

type TokenRow = { id: string; name: string; prefix: string; scopes: string[]; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null; user: { email: string } };

function toView(row: TokenRow): TokenView {
  const { user, ...rest } = row;
  return { ...rest, createdBy: user.email };
}

export async function listTokens(actor: Actor): Promise<TokenView[]> {
  assertCan(actor, 'tokens:manage');
  const rows = await getPrisma().apiToken.findMany({
    where: { orgId: actor.orgId },
    select: tokenSelect,
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
  });
  return rows.map(toView);
}

/**
 * Creates a token that acts for the actor (a member) with the given scopes. The secret is
 * returned once and only its hash is kept.
 */
export async function createToken(actor: Actor, input: unknown): Promise<{ token: string; view: TokenView }> {
  assertCan(actor, 'tokens:manage');
  const data = parseWith(createTokenSchema, input, 'The token');
  const secret = generateToken();
  return transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { orgId: actor.orgId, userId: actor.userId, name: data.name, prefix: secret.displayPrefix, tokenHash: secret.hash, scopes: data.scopes },
      select: tokenSelect,
    });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor,
      action: 'token.created',
      target: { type: 'api_token', id: row.id },
      after: { name: row.name, prefix: row.prefix, scopes: row.scopes },
    });
    return { token: secret.token, view: toView(row) };
  });
}

export async function revokeToken(actor: Actor, input: unknown): Promise<void> {
  assertCan(actor, 'tokens:manage');
  const { tokenId } = parseWith(revokeTokenSchema, input, 'The revocation');
  await transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, orgId: actor.orgId }, select: tokenSelect });
    if (!token) throw new NotFoundError('The API token');
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor,
      action: 'token.revoked',
      target: { type: 'api_token', id: tokenId },
      before: { name: token.name, prefix: token.prefix, scopes: token.scopes },
    });
  });
}
