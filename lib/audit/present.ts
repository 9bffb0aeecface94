import { auditActionGroup, auditActionGroupLabel, describeAuditAction } from './actions';
import { TARGET_TYPES, type TargetType } from './filters';

/**
 * How an audit row reads to people (the console table and the exports share it). Pure, so the
 * wording, the links and the before/after diff are unit-tested without a database.
 */
export interface AuditRowFacts {
  actorType: string;
  actorLabel: string | null;
  /** The member's display name (actor_type user), when they still exist. */
  actorName: string | null;
  /** The token's name (actor_type token), when it still exists. */
  tokenName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** The target's current name, or the one the row recorded. */
  targetName: string | null;
}

export function describeActor(row: Pick<AuditRowFacts, 'actorType' | 'actorLabel' | 'actorName' | 'tokenName'>): { primary: string; secondary: string } {
  const member = row.actorLabel ?? 'unknown member';
  switch (row.actorType) {
    case 'token':
      return { primary: `Token “${row.tokenName ?? 'deleted token'}”`, secondary: `for ${member}` };
    case 'user':
      return { primary: row.actorName ?? member, secondary: row.actorName ? member : 'member' };
    case 'anonymous':
      return { primary: member, secondary: 'not signed in' };
    case 'cli':
      return { primary: 'Admin CLI', secondary: row.actorLabel ?? 'server console' };
    default:
      return { primary: member, secondary: row.actorType };
  }
}

export function describeAction(action: string): { words: string; group: string } {
  return { words: describeAuditAction(action), group: auditActionGroupLabel(auditActionGroup(action)) };
}

export function targetTypeLabel(type: string | null): string {
  return type && Object.hasOwn(TARGET_TYPES, type) ? TARGET_TYPES[type as TargetType] : (type ?? '');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The console page of the target, when there is one (a sign-in's target is an e-mail: none). */
export function targetHref(type: string | null, id: string | null): string | null {
  if (!type || !id) return null;
  const path = encodeURIComponent;
  switch (type) {
    case 'policy_template':
      return UUID.test(id) ? `/policies/${path(id)}` : null;
    case 'team':
      return UUID.test(id) ? `/teams/${path(id)}` : null;
    case 'project': {
      const teamId = id.split('/')[0]!;
      return UUID.test(teamId) ? `/teams/${path(teamId)}` : null;
    }
    case 'upload':
      return UUID.test(id) ? `/uploads/${path(id)}` : null;
    case 'user':
      return '/settings/members';
    case 'api_token':
      return '/settings/tokens';
    case 'organization':
      return '/settings';
    default:
      return null;
  }
}

/** The words for a target: its name when known, else its type and id. */
export function describeTarget(row: Pick<AuditRowFacts, 'targetType' | 'targetId' | 'targetName'>): string {
  if (!row.targetType) return '';
  const type = targetTypeLabel(row.targetType);
  return row.targetName ? `${type} “${row.targetName}”` : `${type} ${row.targetId ?? ''}`.trim();
}

// ---------------------------------------------------------------------------------------------
// The before/after diff, field by field.

export interface DiffLine {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before: string | null;
  after: string | null;
}

export interface AuditDiff {
  lines: DiffLine[];
  /** Fields equal on both sides (not listed, counted). */
  unchanged: number;
  /** Extra facts of the row (download format, sign-in address, …), flattened. */
  details: { path: string; value: string }[];
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Leaf fields by dotted path; arrays are one value (a list of commands reads best whole). */
function flatten(value: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (isObject(value) && (Object.keys(value).length > 0 || prefix === '')) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else if (value !== undefined && !(prefix === '' && value === null)) {
    out.set(prefix || '(value)', value);
  }
  return out;
}

export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields that differ between `before` and `after`, in a stable order, plus the details. */
export function prepareAuditDiff(before: unknown, after: unknown, details: unknown = null): AuditDiff {
  const left = flatten(before, '', new Map());
  const right = flatten(after, '', new Map());
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort();
  const lines: DiffLine[] = [];
  let unchanged = 0;
  for (const path of paths) {
    const inLeft = left.has(path);
    const inRight = right.has(path);
    if (inLeft && inRight && same(left.get(path), right.get(path))) unchanged++;
    else if (inLeft && inRight) lines.push({ path, kind: 'changed', before: formatValue(left.get(path)), after: formatValue(right.get(path)) });
    else if (inRight) lines.push({ path, kind: 'added', before: null, after: formatValue(right.get(path)) });
    else lines.push({ path, kind: 'removed', before: formatValue(left.get(path)), after: null });
  }
  const extra = [...flatten(details, '', new Map())].map(([path, value]) => ({ path, value: formatValue(value) }));
  return { lines, unchanged, details: extra };
}

export function hasDiff(diff: AuditDiff): boolean {
  return diff.lines.length > 0 || diff.details.length > 0;
}
