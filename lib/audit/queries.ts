import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db/client';
import { DEFAULT_PAGE_SIZE, type AuditLogFilters } from './filters';
import type { AuditRowFacts } from './present';

/** A row as the viewer and the exports read it: the facts people see (lib/audit/present.ts), plus the rest. */
export interface AuditLogEntry extends AuditRowFacts {
  id: string;
  seq: number;
  createdAt: Date;
  actorId: string | null;
  before: unknown;
  after: unknown;
  details: unknown;
}

export interface AuditLogPage {
  entries: AuditLogEntry[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: number | null;
}

const UUID_PATTERN = "'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'";
const asUuid = (expr: string) => `CASE WHEN ${expr} ~ ${UUID_PATTERN} THEN (${expr})::uuid END`;

/**
 * One row per audit entry with the names people read: the acting member or token, and the
 * target's name looked up by its type (ids are text in the audit row, so they are cast only
 * when they are uuids). A name the row recorded (after/before.name) stands in for a target
 * that no longer exists.
 */
const SELECT_ROWS = `
  SELECT a.id::text, a.seq, a.created_at, a.actor_type, a.actor_id, a.actor_label, a.action, a.target_type, a.target_id,
         a.before, a.after, a.details,
         au.name AS actor_name, tok.name AS token_name,
         COALESCE(pt.name, tm.name, pj_team.name || ' / ' || split_part(a.target_id, '/', 2), tu.email, tt.name, up.file_name, org.name,
                  CASE WHEN a.target_type = 'user' AND a.target_id LIKE '%@%' THEN a.target_id END,
                  a.after->>'name', a.before->>'name') AS target_name
  FROM audit_log a
  CROSS JOIN LATERAL (SELECT ${asUuid('a.target_id')} AS target_uuid, ${asUuid("split_part(a.target_id, '/', 1)")} AS project_team_uuid, ${asUuid('a.actor_id')} AS actor_uuid) ids
  LEFT JOIN app_user au ON a.actor_type = 'user' AND au.id = ids.actor_uuid
  LEFT JOIN api_token tok ON a.actor_type = 'token' AND tok.id = ids.actor_uuid AND tok.org_id = a.org_id
  LEFT JOIN policy_template pt ON a.target_type = 'policy_template' AND pt.id = ids.target_uuid AND pt.org_id = a.org_id
  LEFT JOIN team tm ON a.target_type = 'team' AND tm.id = ids.target_uuid AND tm.org_id = a.org_id
  LEFT JOIN team pj_team ON a.target_type = 'project' AND pj_team.id = ids.project_team_uuid AND pj_team.org_id = a.org_id
  LEFT JOIN app_user tu ON a.target_type = 'user' AND tu.id = ids.target_uuid
  LEFT JOIN api_token tt ON a.target_type = 'api_token' AND tt.id = ids.target_uuid AND tt.org_id = a.org_id
  LEFT JOIN upload up ON a.target_type = 'upload' AND up.org_id = a.org_id AND up.id = ids.target_uuid
  LEFT JOIN organization org ON a.target_type = 'organization' AND org.id = ids.target_uuid AND org.id = a.org_id`;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function buildQuery(orgId: string, filters: AuditLogFilters, limit: number): { text: string; values: unknown[] } {
  const values: unknown[] = [orgId];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const where = ['a.org_id = $1'];
  if (filters.cursor !== null) where.push(`a.seq < ${param(filters.cursor)}`);
  if (filters.actions) where.push(`a.action = ANY(${param(filters.actions)}::text[])`);
  if (filters.actor && 'email' in filters.actor) where.push(`lower(a.actor_label) = ${param(filters.actor.email)}`);
  if (filters.actor && 'id' in filters.actor) where.push(`lower(a.actor_id) = ${param(filters.actor.id)}`);
  if (filters.target) {
    where.push(`a.target_type = ${param(filters.target.type)}`);
    if (filters.target.id) where.push(`lower(a.target_id) = lower(${param(filters.target.id)})`);
  }
  if (filters.from) where.push(`a.created_at >= ${param(filters.from)}`);
  if (filters.toExclusive) where.push(`a.created_at < ${param(filters.toExclusive)}`);
  // The text search needs the looked-up names, so it filters the joined rows; the page still
  // walks the (org_id, seq) index newest first and stops at the limit.
  const search = filters.q ? `WHERE (r.target_name ILIKE ${param(`%${escapeLike(filters.q)}%`)} OR r.target_id ILIKE $${values.length})` : '';
  return {
    text: `SELECT * FROM (${SELECT_ROWS} WHERE ${where.join(' AND ')}) r ${search} ORDER BY r.seq DESC LIMIT ${param(limit)}`,
    values,
  };
}

interface Row {
  id: string;
  seq: number;
  created_at: Date;
  actor_type: string;
  actor_id: string | null;
  actor_label: string | null;
  actor_name: string | null;
  token_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  target_name: string | null;
  before: unknown;
  after: unknown;
  details: unknown;
}

const toEntry = (row: Row): AuditLogEntry => ({
  id: row.id,
  seq: row.seq,
  createdAt: row.created_at,
  actorType: row.actor_type,
  actorId: row.actor_id,
  actorLabel: row.actor_label,
  actorName: row.actor_name,
  tokenName: row.token_name,
  action: row.action,
  targetType: row.target_type,
  targetId: row.target_id,
  targetName: row.target_name,
  before: row.before,
  after: row.after,
  details: row.details,
});

async function fetchPage(orgId: string, filters: AuditLogFilters, limit: number): Promise<AuditLogPage> {
  const { text, values } = buildQuery(orgId, filters, limit + 1);
  const { rows } = await getPool().query<Row>(text, values);
  const entries = rows.slice(0, limit).map(toEntry);
  // seq only grows, so "below the last seq shown" is the same set however many rows arrive meanwhile.
  return { entries, nextCursor: rows.length > limit ? entries.at(-1)!.seq : null };
}

/** One page of the organization's audit log, newest first, filtered. */
export async function searchAuditLog(actor: Actor, filters: AuditLogFilters): Promise<AuditLogPage> {
  assertCan(actor, 'audit:read');
  return fetchPage(actor.orgId, filters, filters.limit);
}

const EXPORT_BATCH = 500;

/**
 * Every filtered row, newest first, read in cursor batches so an export of any size keeps memory
 * flat. The permission is checked before the first row is read.
 */
export function exportAuditLog(actor: Actor, filters: AuditLogFilters): AsyncGenerator<AuditLogEntry> {
  assertCan(actor, 'audit:read');
  const orgId = actor.orgId;
  return (async function* () {
    let cursor = filters.cursor;
    for (;;) {
      const page = await fetchPage(orgId, { ...filters, cursor }, EXPORT_BATCH);
      yield* page.entries;
      if (page.nextCursor === null) return;
      cursor = page.nextCursor;
    }
  })();
}

/** The organization's audit log, newest first; `beforeSeq` pages backwards (kept for callers of the first version). */
export async function listAuditLog(actor: Actor, options: { limit?: number; beforeSeq?: number; action?: string } = {}): Promise<AuditLogEntry[]> {
  const filters: AuditLogFilters = {
    actor: null,
    actions: options.action ? [options.action] : null,
    target: null,
    from: null,
    toExclusive: null,
    q: null,
    cursor: options.beforeSeq ?? null,
    limit: Math.min(Math.max(options.limit ?? DEFAULT_PAGE_SIZE, 1), 500),
    format: null,
  };
  return (await searchAuditLog(actor, filters)).entries;
}

/** The people and tokens that appear in the organization's log, for the actor filter. */
export async function listAuditActors(actor: Actor): Promise<{ members: { email: string; name: string | null }[]; tokens: { id: string; name: string; member: string }[] }> {
  assertCan(actor, 'audit:read');
  const [members, tokens] = await Promise.all([
    getPool().query<{ email: string; name: string | null }>(
      'SELECT u.email, u.name FROM membership m JOIN app_user u ON u.id = m.user_id WHERE m.org_id = $1 ORDER BY u.email',
      [actor.orgId],
    ),
    getPool().query<{ id: string; name: string; member: string }>(
      'SELECT t.id::text, t.name, u.email AS member FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE t.org_id = $1 ORDER BY t.name, t.created_at',
      [actor.orgId],
    ),
  ]);
  return { members: members.rows, tokens: tokens.rows };
}
