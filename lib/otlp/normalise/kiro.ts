import { asBoolean, asCount, asString } from '../coerce';
import type { OtlpLogRecord } from '../types';
import { clientOf, eventNameOf, identityOf, recordId, timestampOf } from './common';
import type { DriftObservation, NormalisedEvent } from './types';

/**
 * One Kiro Enterprise real-time event (`kiro.chat.message`, `kiro.tool.call`) → Pilotlight events.
 * Kiro's attribute names beyond `kiro.profile.arn`/`kiro.user.id` are unverified (research §3), so
 * this reads the likely keys leniently; Kiro events carry no command text and no prompts.
 */
export function normaliseKiroRecord(record: OtlpLogRecord): { events: NormalisedEvent[]; drift: DriftObservation[] } | null {
  const name = eventNameOf(record, 'kiro');
  const timestamp = timestampOf(record);
  if (!name || !timestamp) return null;
  const a = record.attributes;
  const base = { id: recordId('kiro', record), timestamp, agent: 'kiro' as const, name, identity: identityOf(record), ...clientOf(record) };
  const events: NormalisedEvent[] = [];
  const durationMs = asCount(a.duration_ms) ?? asCount(a['kiro.duration_ms']);
  if (name === 'kiro.chat.message' && durationMs !== null) {
    events.push({
      ...base, kind: 'performance', durationMs, model: asString(a.model) ?? asString(a['kiro.model']), inputTokens: asCount(a.input_tokens),
      outputTokens: asCount(a.output_tokens), cacheReadTokens: null, cacheCreationTokens: null, totalTokens: null, costUsd: null,
    });
  } else if (name === 'kiro.tool.call' && asBoolean(a.success) === false) {
    events.push({ ...base, kind: 'error', message: `${asString(a.tool_name) ?? 'tool'} failed`, statusCode: null, model: null, durationMs });
  } else {
    events.push({ ...base, kind: 'feature_used', feature: name.replace(/^kiro\./, '') });
  }
  return { events, drift: [] };
}
