import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CopyValue } from './copy-text';
import { issuesMessage, type EnrichContext, type MapResult } from './context';
import { redactField } from './privacy';
import { parseTimestamp } from './time';

/** Telemetry events (DESIGN §Event formats 1), as NDJSON lines, JSON array elements or CSV rows. */
export const TELEMETRY_KINDS = ['feature_used', 'error', 'performance', 'command_executed'] as const;
export const DECISIONS = ['auto', 'approved', 'denied'] as const;

const text = (max: number) => z.string().max(max, `at most ${max} characters`).nullish();

const telemetrySchema = z
  .object({
    id: z.union([z.string().min(1).max(200), z.number()]).nullish(),
    timestamp: z.string({ error: 'required (ISO 8601)' }),
    user: text(320),
    team: text(100),
    client: text(100),
    clientVersion: text(100),
    os: text(100),
    kind: z.string({ error: 'required' }),
    feature: text(200),
    name: text(200),
    durationMs: z.number().int('a whole number of milliseconds').min(0).max(2_147_483_647).nullish(),
    message: text(10_000),
    command: text(10_000),
    decision: text(20),
  })
  .superRefine((event, ctx) => {
    if (!(TELEMETRY_KINDS as readonly string[]).includes(event.kind)) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: `unknown kind "${event.kind}" (expected ${TELEMETRY_KINDS.join(', ')})` });
      return;
    }
    if (event.kind === 'command_executed') {
      if (!event.command) ctx.addIssue({ code: 'custom', path: ['command'], message: 'required for command_executed' });
      if (!event.decision || !(DECISIONS as readonly string[]).includes(event.decision)) {
        ctx.addIssue({ code: 'custom', path: ['decision'], message: `must be one of ${DECISIONS.join(', ')} for command_executed` });
      }
    }
    if (event.kind === 'performance' && (event.durationMs === null || event.durationMs === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['durationMs'], message: 'required for performance events' });
    }
  });

export type TelemetryInput = z.infer<typeof telemetrySchema>;

/** Columns of telemetry_event in the order the COPY lines carry them. */
export const TELEMETRY_COLUMNS = [
  'org_id', 'ts', 'event_id', 'upload_id', 'team_id', 'user_key', 'client', 'client_version', 'os', 'kind', 'feature', 'name',
  'duration_ms', 'message', 'command', 'decision', 'dangerous', 'danger_reasons', 'untrusted', 'covered_as_tool_matches',
  'covered_strictly', 'policy_ref', 'telemetry_disabled', 'privacy',
] as const;

/** JSON with sorted keys: the same event always hashes the same, whatever the key order. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

const CSV_NUMBERS = new Set(['durationMs']);

/** A CSV row → the shape of a JSON event: empty cells are absent, numbers are numbers. */
export function telemetryFromCsv(row: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(row)) {
    const value = raw.trim();
    if (value === '') continue;
    out[key] = CSV_NUMBERS.has(key) && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  }
  return out;
}

const REDACTED_FIELDS = ['message', 'name', 'feature', 'client', 'clientVersion', 'os', 'team'] as const;

export function mapTelemetry(value: unknown, ctx: EnrichContext): MapResult<CopyValue[]> {
  const parsed = telemetrySchema.safeParse(value);
  if (!parsed.success) return { ok: false, message: issuesMessage(parsed.error.issues) };
  const event = parsed.data;
  const ts = parseTimestamp(event.timestamp);
  if (!ts) return { ok: false, message: `timestamp: "${String(event.timestamp).slice(0, 40)}" is not an ISO 8601 date-time between 2000 and 2100` };

  const eventId =
    event.id !== null && event.id !== undefined ? String(event.id) : `sha256:${createHash('sha256').update(canonical(value)).digest('hex')}`;

  // Privacy: redact before anything is stored; keep which field and which rule.
  const fields: Record<(typeof REDACTED_FIELDS)[number], string | null> = {
    message: event.message ?? null,
    name: event.name ?? null,
    feature: event.feature ?? null,
    client: event.client ?? null,
    clientVersion: event.clientVersion ?? null,
    os: event.os ?? null,
    team: event.team ?? null,
  };
  const privacy: string[] = [];
  for (const field of REDACTED_FIELDS) {
    const current = fields[field];
    if (!current) continue;
    const redaction = redactField(current);
    if (redaction.rules.length) {
      fields[field] = redaction.text;
      for (const rule of redaction.rules) privacy.push(`${field}:${rule}`);
    }
  }
  // The user field may hold an e-mail (that is what it is for), but nothing else of the list.
  let user = event.user ?? null;
  if (user) {
    const redaction = redactField(user, { allowEmail: true });
    if (redaction.rules.length) {
      user = redaction.text;
      for (const rule of redaction.rules) privacy.push(`user:${rule}`);
    }
  }
  const userKey = user ? user.trim().toLowerCase() : null;

  let teamId: string | null = null;
  if (fields.team && !privacy.some((p) => p.startsWith('team:'))) {
    const team = ctx.teamBySlug(fields.team);
    if (team) teamId = team.id;
    else ctx.noteUnknownTeam(fields.team);
  }
  if (!teamId && userKey) teamId = ctx.identityTeam(userKey);
  if (!teamId) teamId = ctx.uploadTeam?.id ?? null;

  const policy = ctx.policyFor(teamId);
  let classification = null;
  if (event.kind === 'command_executed' && event.command) {
    classification = ctx.classifier.classify(policy.ref, policy.trustedCommands, event.command);
  }

  return {
    ok: true,
    row: [
      ctx.orgId,
      ts,
      eventId,
      ctx.uploadId,
      teamId,
      userKey,
      fields.client,
      fields.clientVersion,
      fields.os,
      event.kind,
      fields.feature,
      fields.name,
      event.durationMs ?? null,
      fields.message,
      event.command ?? null,
      event.decision ?? null,
      classification ? classification.dangerous : null,
      classification ? classification.dangerReasons : [],
      classification ? classification.untrusted : null,
      classification ? classification.coveredAsToolMatches : null,
      classification ? classification.coveredStrictly : null,
      classification ? policy.ref : null,
      policy.telemetryDisabled,
      privacy,
    ],
  };
}
