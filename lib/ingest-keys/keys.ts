import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { getPrisma, transaction, type Tx } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { assertId } from '@/lib/http/ids';
import { parseWith } from '@/lib/http/json';
import { decryptIngestKey, encryptIngestKey, generateIngestKey } from './crypto';
import { createIngestKeySchema, DEFAULT_GRACE_MINUTES, rotateIngestKeySchema } from './schemas';

/**
 * A team's telemetry ingest keys. They can do nothing but send that team's OpenTelemetry to
 * /api/otlp; managing them (and seeing them again) is for owners and admins.
 */
export interface IngestKeyView {
  id: string;
  teamId: string;
  name: string;
  prefix: string;
  status: 'active' | 'revoked';
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  rotatedAt: Date | null;
  /** Until when the key replaced by the last rotation is still accepted (null: none is). */
  previousValidUntil: Date | null;
  revokedAt: Date | null;
}

/** A view with the key itself: on creation, rotation, and when an owner/admin asks to see it. */
export interface IngestKeyWithSecret extends IngestKeyView {
  /** Null when it cannot be decrypted any more (the server secret changed): rotate the key. */
  key: string | null;
}

const select = {
  id: true,
  teamId: true,
  name: true,
  prefix: true,
  keyCiphertext: true,
  createdAt: true,
  lastUsedAt: true,
  rotatedAt: true,
  previousExpiresAt: true,
  revokedAt: true,
  creator: { select: { email: true } },
} as const;

interface Row {
  id: string;
  teamId: string;
  name: string;
  prefix: string;
  keyCiphertext: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  rotatedAt: Date | null;
  previousExpiresAt: Date | null;
  revokedAt: Date | null;
  creator: { email: string } | null;
}

function toView(row: Row, now = new Date()): IngestKeyView {
  return {
    id: row.id,
    teamId: row.teamId,
    name: row.name,
    prefix: row.prefix,
    status: row.revokedAt ? 'revoked' : 'active',
    createdBy: row.creator?.email ?? null,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    rotatedAt: row.rotatedAt,
    previousValidUntil: !row.revokedAt && row.previousExpiresAt && row.previousExpiresAt > now ? row.previousExpiresAt : null,
    revokedAt: row.revokedAt,
  };
}

/** The team, in the actor's organization (another organization's team is a 404, like a missing one). */
async function teamOf(tx: Pick<Tx, 'team'>, actor: Actor, teamIdInput: string): Promise<{ id: string; slug: string }> {
  const id = assertId(teamIdInput, 'The team');
  const team = await tx.team.findFirst({ where: { id, orgId: actor.orgId }, select: { id: true, slug: true } });
  if (!team) throw new NotFoundError('The team');
  return team;
}

async function keyOf(tx: Tx, actor: Actor, teamId: string, keyIdInput: string, lock = false): Promise<Row> {
  const id = assertId(keyIdInput, 'The ingest key');
  // Serializes rotations and revocations of one key (two rotations at once must not both "win").
  if (lock) await tx.$queryRaw`SELECT id FROM ingest_key WHERE id = ${id}::uuid AND org_id = ${actor.orgId}::uuid FOR UPDATE`;
  const row = await tx.ingestKey.findFirst({ where: { id, orgId: actor.orgId, teamId }, select });
  if (!row) throw new NotFoundError('The ingest key');
  return row;
}

/** What the audit log keeps of a key: never the key itself. */
const audited = (row: Pick<Row, 'name' | 'prefix'>, team: { slug: string }) => ({ name: row.name, prefix: row.prefix, team: team.slug });

export async function listIngestKeys(actor: Actor, teamId: string): Promise<IngestKeyView[]> {
  assertCan(actor, 'ingestKeys:manage');
  const prisma = getPrisma();
  const team = await teamOf(prisma, actor, teamId);
  const rows = await prisma.ingestKey.findMany({
    where: { orgId: actor.orgId, teamId: team.id },
    select,
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
  });
  return rows.map((row) => toView(row));
}

export async function createIngestKey(actor: Actor, teamId: string, input: unknown): Promise<IngestKeyWithSecret> {
  assertCan(actor, 'ingestKeys:manage');
  const data = parseWith(createIngestKeySchema, input, 'The ingest key');
  const secret = generateIngestKey();
  const id = crypto.randomUUID();
  const keyCiphertext = encryptIngestKey(secret.key, id);
  return transaction(async (tx) => {
    const team = await teamOf(tx, actor, teamId);
    const row = await tx.ingestKey.create({
      data: { id, orgId: actor.orgId, teamId: team.id, name: data.name, prefix: secret.prefix, keyHash: secret.hash, keyCiphertext, createdBy: actor.userId },
      select,
    });
    await recordAudit(tx, { orgId: actor.orgId, actor, action: 'ingest_key.created', target: { type: 'ingest_key', id }, after: audited(row, team) });
    return { ...toView(row), key: secret.key };
  });
}

/** The key again, for an owner/admin (it goes into policy files); the viewing is audited. */
export async function revealIngestKey(actor: Actor, teamId: string, keyId: string): Promise<IngestKeyWithSecret> {
  assertCan(actor, 'ingestKeys:manage');
  return transaction(async (tx) => {
    const team = await teamOf(tx, actor, teamId);
    const row = await keyOf(tx, actor, team.id, keyId);
    const key = row.revokedAt ? null : decryptIngestKey(row.keyCiphertext, row.id);
    if (key) await recordAudit(tx, { orgId: actor.orgId, actor, action: 'ingest_key.revealed', target: { type: 'ingest_key', id: row.id }, details: audited(row, team) });
    return { ...toView(row), key };
  });
}

/**
 * A new key for the same entry (same id, name and stream); the replaced one keeps working for
 * `graceMinutes` so agents can pick up the new policy file. A second rotation ends the grace of
 * the first at once (only one previous key is ever valid).
 */
export async function rotateIngestKey(actor: Actor, teamId: string, keyId: string, input: unknown): Promise<IngestKeyWithSecret> {
  assertCan(actor, 'ingestKeys:manage');
  const data = parseWith(rotateIngestKeySchema, input ?? {}, 'The rotation');
  const graceMinutes = data.graceMinutes ?? DEFAULT_GRACE_MINUTES;
  return transaction(async (tx) => {
    const team = await teamOf(tx, actor, teamId);
    const before = await keyOf(tx, actor, team.id, keyId, true);
    if (before.revokedAt) throw new NotFoundError('The ingest key');
    const current = await tx.ingestKey.findUniqueOrThrow({ where: { id: before.id }, select: { keyHash: true } });
    const secret = generateIngestKey();
    const now = new Date();
    const row = await tx.ingestKey.update({
      where: { id: before.id },
      data: {
        prefix: secret.prefix,
        keyHash: secret.hash,
        keyCiphertext: encryptIngestKey(secret.key, before.id),
        previousHash: graceMinutes > 0 ? current.keyHash : null,
        previousExpiresAt: graceMinutes > 0 ? new Date(now.getTime() + graceMinutes * 60_000) : null,
        rotatedAt: now,
      },
      select,
    });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor,
      action: 'ingest_key.rotated',
      target: { type: 'ingest_key', id: row.id },
      before: audited(before, team),
      after: { ...audited(row, team), previousValidUntil: row.previousExpiresAt },
    });
    return { ...toView(row, now), key: secret.key };
  });
}

/** Revokes the key and any previous key still in its grace period. Revoking twice is a no-op. */
export async function revokeIngestKey(actor: Actor, teamId: string, keyId: string): Promise<void> {
  assertCan(actor, 'ingestKeys:manage');
  await transaction(async (tx) => {
    const team = await teamOf(tx, actor, teamId);
    const before = await keyOf(tx, actor, team.id, keyId, true);
    if (before.revokedAt) return;
    await tx.ingestKey.update({ where: { id: before.id }, data: { revokedAt: new Date(), previousHash: null, previousExpiresAt: null } });
    await recordAudit(tx, { orgId: actor.orgId, actor, action: 'ingest_key.revoked', target: { type: 'ingest_key', id: before.id }, before: audited(before, team) });
  });
}
