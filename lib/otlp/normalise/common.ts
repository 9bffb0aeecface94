import { createHash } from 'node:crypto';
import { asString, nanosToIso } from '../coerce';
import type { OtlpAttributes, OtlpLogRecord, OtlpValue } from '../types';
import type { Agent, Identity } from './types';

/** The agent, from the resource's `service.name` or Kiro's `kiro.profile.arn`; null when unknown. */
export function detectAgent(resource: OtlpAttributes, attributes: OtlpAttributes = {}): Agent | null {
  const service = asString(resource['service.name']);
  if (service === 'claude-code' || service === 'claude-code-desktop') return 'claude-code';
  if (service === 'gemini-cli') return 'gemini-cli';
  if (asString(resource['kiro.profile.arn']) || asString(attributes['kiro.profile.arn'])) return 'kiro';
  return null;
}

/**
 * The full event name: `eventName`, else attribute `event.name` (Claude's short names get the
 * `claude_code.` prefix), else a `claude_code.*` / `kiro.*` body; null when none.
 */
export function eventNameOf(record: OtlpLogRecord, agent: Agent): string | null {
  const short = record.eventName || asString(record.attributes['event.name']);
  if (short) return agent === 'claude-code' && !short.startsWith('claude_code.') ? `claude_code.${short}` : short;
  const body = asString(record.body);
  if (body && /^(claude_code|gemini_cli|kiro)\.[\w.]+$/.test(body)) return body;
  return null;
}

export function attr(record: OtlpLogRecord, key: string): OtlpValue | undefined {
  return record.attributes[key] ?? record.resource[key];
}

export function identityOf(record: OtlpLogRecord): Identity {
  const s = (key: string) => asString(attr(record, key));
  return {
    session: s('session.id'),
    email: s('user.email') ?? s('kiro.user.email'),
    accountUuid: s('user.account_uuid'),
    userId: s('user.id') ?? s('kiro.user.id') ?? s('enduser.id'),
    installationId: s('installation.id'),
  };
}

/** Record time, else observed time, else the `event.timestamp` attribute. */
export function timestampOf(record: OtlpLogRecord): string | null {
  const t = nanosToIso(record.timeUnixNano) ?? nanosToIso(record.observedTimeUnixNano);
  if (t) return t;
  const iso = asString(record.attributes['event.timestamp']);
  if (iso && !Number.isNaN(Date.parse(iso))) return new Date(iso).toISOString();
  return null;
}

function canonical(value: unknown): string {
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString('base64'));
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const o = value as Record<string, unknown>;
  return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}

/** A stable id for a record (same record, same id — whatever the encoding or attribute order). */
export function recordId(agent: Agent, record: OtlpLogRecord, suffix = ''): string {
  const hash = createHash('sha256')
    .update(canonical({ t: record.timeUnixNano, o: record.observedTimeUnixNano, b: record.body, a: record.attributes, e: record.eventName }))
    .digest('hex')
    .slice(0, 32);
  return `otlp:${agent}:${hash}${suffix}`;
}

export function clientOf(record: OtlpLogRecord): { clientVersion: string | null; os: string | null } {
  const os = [asString(record.resource['os.type']), asString(record.resource['os.version'])].filter(Boolean).join(' ');
  return { clientVersion: asString(record.resource['service.version']), os: os || null };
}
