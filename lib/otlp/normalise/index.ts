import type { DecodedLogs, OtlpLogRecord } from '../types';
import { normaliseClaudeRecord } from './claude-code';
import { detectAgent } from './common';
import { normaliseGeminiRecord } from './gemini-cli';
import { normaliseKiroRecord } from './kiro';
import type { DriftObservation, NormalisedEvent, NormalisedLogs } from './types';

export * from './types';
export { detectAgent, eventNameOf, identityOf, recordId } from './common';
export { claudeCommand, claudeDecision, normaliseClaudeRecord } from './claude-code';
export { geminiDecision, GEMINI_DRIFT_FIELDS, normaliseGeminiRecord } from './gemini-cli';
export { normaliseKiroRecord } from './kiro';

export function normaliseRecord(record: OtlpLogRecord): { events: NormalisedEvent[]; drift: DriftObservation[] } | null {
  switch (detectAgent(record.resource, record.attributes)) {
    case 'claude-code': return normaliseClaudeRecord(record);
    case 'gemini-cli': return normaliseGeminiRecord(record);
    case 'kiro': return normaliseKiroRecord(record);
    case null: return null;
  }
}

/** Every record of a decoded logs request → events and drift observations (pure). */
export function normaliseLogs(decoded: DecodedLogs): NormalisedLogs {
  const out: NormalisedLogs = { events: [], drift: [], skipped: 0 };
  for (const record of decoded.records) {
    const r = normaliseRecord(record);
    if (!r) {
      out.skipped += 1;
      continue;
    }
    out.events.push(...r.events);
    out.drift.push(...r.drift);
  }
  return out;
}
