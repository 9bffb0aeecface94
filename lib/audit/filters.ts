import { z } from 'zod';
import { ValidationError } from '@/lib/errors';
import { zodIssues } from '@/lib/http/json';
import { actionsOfGroup, isAuditAction, isAuditActionGroup, AUDIT_ACTION_GROUPS, type AuditAction } from './actions';

/**
 * The audit-log filters as they arrive in a URL: the console page's search params and the query
 * of GET /api/v1/audit-log go through this one schema, so a shared link and an API call mean the
 * same rows. Pure (no database): the queries apply the result.
 *
 *   actor   a member's e-mail (their own actions and their tokens') or a user/token id
 *   action  a group id (sign-in, members, …) or one action name (template.created)
 *   target  a target type (team) or type:id (team:<uuid>)
 *   from/to inclusive UTC days, YYYY-MM-DD
 *   q       free text over target names (and ids)
 *   cursor  the seq to continue below (the nextCursor of the previous page)
 */
export const TARGET_TYPES = {
  policy_template: 'Template',
  team: 'Team',
  project: 'Project',
  user: 'Member',
  api_token: 'API token',
  upload: 'Upload',
  organization: 'Organization',
} as const;
export type TargetType = keyof typeof TARGET_TYPES;

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const isDay = (value: string) => DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
const groupList = AUDIT_ACTION_GROUPS.map((g) => g.id).join(', ');
const targetList = Object.keys(TARGET_TYPES).join(', ');

const optionalText = (max: number) => z.string().trim().max(max, `At most ${max} characters.`).optional();

const querySchema = z
  .object({
    actor: optionalText(320),
    action: optionalText(100).refine((v) => v === undefined || isAuditActionGroup(v) || isAuditAction(v), {
      message: `Use a group (${groupList}) or an action name such as template.created.`,
    }),
    target: optionalText(300).refine((v) => v === undefined || Object.hasOwn(TARGET_TYPES, v.split(':')[0]!), {
      message: `Use a target type (${targetList}), optionally followed by :id.`,
    }),
    from: z.string().refine(isDay, 'Use a date as YYYY-MM-DD.').optional(),
    to: z.string().refine(isDay, 'Use a date as YYYY-MM-DD.').optional(),
    q: optionalText(200),
    cursor: z
      .string()
      .regex(/^[1-9]\d{0,9}$/, 'Use the nextCursor of the previous page.')
      .transform(Number)
      .refine((n) => n <= 2_147_483_647, 'Use the nextCursor of the previous page.')
      .optional(),
    limit: z
      .string()
      .regex(/^\d+$/, `Use a number from 1 to ${MAX_PAGE_SIZE}.`)
      .transform(Number)
      .refine((n) => n >= 1 && n <= MAX_PAGE_SIZE, `Use a number from 1 to ${MAX_PAGE_SIZE}.`)
      .optional(),
    format: z.enum(['csv', 'json'], 'Use format=csv or format=json.').optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['from'], message: '`from` is after `to`.' });

/** The raw values as typed (kept in the filter form, also after an error). */
export type AuditLogQuery = Partial<Record<'actor' | 'action' | 'target' | 'from' | 'to' | 'q', string>>;

export interface AuditLogFilters {
  actor: { email: string } | { id: string } | null;
  /** The action names to match (a group expanded); null = every action. */
  actions: readonly string[] | null;
  target: { type: TargetType; id: string | null } | null;
  /** Inclusive lower and exclusive upper bound, UTC. */
  from: Date | null;
  toExclusive: Date | null;
  q: string | null;
  cursor: number | null;
  limit: number;
  format: 'csv' | 'json' | null;
}

export type QueryInput = Record<string, string | string[] | undefined> | URLSearchParams;

export const FILTER_KEYS = ['actor', 'action', 'target', 'from', 'to', 'q'] as const;

/** The first value of each parameter, empty strings dropped (an empty form field = no filter). */
export function flattenQuery(input: QueryInput): Record<string, string> {
  const entries = input instanceof URLSearchParams ? [...input.keys()].map((k) => [k, input.get(k)] as const) : Object.entries(input).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const);
  const out: Record<string, string> = {};
  for (const [key, value] of entries) if (typeof value === 'string' && value.trim() !== '') out[key] = value;
  return out;
}

/** What the form shows: the raw filter values, valid or not. */
export function auditLogQuery(input: QueryInput): AuditLogQuery {
  const raw = flattenQuery(input);
  return Object.fromEntries(FILTER_KEYS.filter((k) => raw[k] !== undefined).map((k) => [k, raw[k]]));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Validates the filters; a ValidationError (400) lists every problem with its parameter. */
export function parseAuditLogFilters(input: QueryInput): AuditLogFilters {
  const raw = flattenQuery(input);
  // Unknown parameters are ignored (a page URL may carry others); known ones are validated.
  const parsed = querySchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError('The audit-log filters are not valid.', zodIssues(parsed.error));
  const q = parsed.data;
  const targetType = q.target?.split(':')[0] as TargetType | undefined;
  const targetId = q.target && q.target.includes(':') ? q.target.slice(q.target.indexOf(':') + 1).trim() : '';
  return {
    actor: q.actor ? (UUID.test(q.actor) ? { id: q.actor.toLowerCase() } : { email: q.actor.toLowerCase() }) : null,
    actions: q.action ? (isAuditActionGroup(q.action) ? actionsOfGroup(q.action) : [q.action as AuditAction]) : null,
    target: targetType ? { type: targetType, id: targetId || null } : null,
    from: q.from ? new Date(`${q.from}T00:00:00Z`) : null,
    toExclusive: q.to ? new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000) : null,
    q: q.q ?? null,
    cursor: q.cursor ?? null,
    limit: q.limit ?? DEFAULT_PAGE_SIZE,
    format: q.format ?? null,
  };
}

/** A URL query for these raw filter values plus extras (cursor, format); empty values dropped. */
export function auditLogSearch(query: AuditLogQuery, extra: Record<string, string | number | null | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (query[key]) params.set(key, query[key]!);
  for (const [key, value] of Object.entries(extra)) if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function hasFilters(query: AuditLogQuery): boolean {
  return FILTER_KEYS.some((key) => query[key] !== undefined);
}
