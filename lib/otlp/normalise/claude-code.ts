import { asBoolean, asCount, asJsonObject, asNumber, asString } from '../coerce';
import type { OtlpLogRecord } from '../types';
import { clientOf, eventNameOf, identityOf, recordId, timestampOf } from './common';
import type { Decision, DriftObservation, NormalisedEvent } from './types';

/** `tool_decision.source` / `tool_result.decision_source` (+ `decision`) → Pilotlight decision. */
export function claudeDecision(source: string | null, decision: string | null): Decision {
  if (decision === 'reject' || source === 'user_reject' || source === 'user_abort') return 'denied';
  if (source === 'user_permanent' || source === 'user_temporary') return 'approved';
  return 'auto'; // config, hook, absent
}

/** The command text of a Bash tool event: `full_command`, then `bash_command`, then `tool_input.command`. */
export function claudeCommand(record: OtlpLogRecord): string | null {
  const params = asJsonObject(record.attributes.tool_parameters);
  const input = asJsonObject(record.attributes.tool_input);
  for (const v of [params?.full_command, params?.bash_command, input?.command]) {
    if (typeof v === 'string' && v.trim() !== '') return v;
  }
  return null;
}

const REDACTED = '<REDACTED>';

/** One Claude Code log record → Pilotlight events and drift observations. Pure. */
export function normaliseClaudeRecord(record: OtlpLogRecord): { events: NormalisedEvent[]; drift: DriftObservation[] } | null {
  const name = eventNameOf(record, 'claude-code');
  const timestamp = timestampOf(record);
  if (!name || !timestamp) return null;
  const a = record.attributes;
  const base = { id: recordId('claude-code', record), timestamp, agent: 'claude-code' as const, name, identity: identityOf(record), ...clientOf(record) };
  const s = (key: string) => asString(a[key]);
  const events: NormalisedEvent[] = [];
  const drift: DriftObservation[] = [];

  switch (name) {
    case 'claude_code.tool_decision':
    case 'claude_code.tool_result': {
      const tool = s('tool_name') ?? 'unknown';
      const success = asBoolean(a.success);
      const durationMs = asCount(a.duration_ms);
      const command = tool === 'Bash' ? claudeCommand(record) : null;
      if (command !== null) {
        const decision = name === 'claude_code.tool_decision' ? claudeDecision(s('source'), s('decision')) : claudeDecision(s('decision_source'), s('decision_type'));
        events.push({ ...base, kind: 'command_executed', command, decision, tool, toolUseId: s('tool_use_id'), success, durationMs });
      }
      if (name === 'claude_code.tool_result' && success === false) {
        events.push({ ...base, id: `${base.id}:error`, kind: 'error', message: `${tool} failed${s('error') ? `: ${s('error')}` : s('error_type') ? `: ${s('error_type')}` : ''}`, statusCode: null, model: null, durationMs });
      }
      break;
    }
    case 'claude_code.user_prompt': {
      const text = s('prompt');
      events.push({ ...base, kind: 'prompt', length: asCount(a.prompt_length), text: text && text !== REDACTED ? text : null });
      break;
    }
    case 'claude_code.api_request': {
      const durationMs = asCount(a.duration_ms);
      if (durationMs !== null) {
        events.push({
          ...base, kind: 'performance', durationMs, model: s('model'), inputTokens: asCount(a.input_tokens), outputTokens: asCount(a.output_tokens),
          cacheReadTokens: asCount(a.cache_read_tokens), cacheCreationTokens: asCount(a.cache_creation_tokens), totalTokens: null, costUsd: asNumber(a.cost_usd),
        });
      }
      break;
    }
    case 'claude_code.api_error':
    case 'claude_code.api_retries_exhausted':
    case 'claude_code.internal_error':
      events.push({
        ...base, kind: 'error', message: s('error') ?? s('error_name') ?? name.slice('claude_code.'.length), statusCode: asCount(a.status_code),
        model: s('model'), durationMs: asCount(a.duration_ms) ?? asCount(a.total_retry_duration_ms),
      });
      break;
    case 'claude_code.permission_mode_changed':
      drift.push({ agent: 'claude-code', field: 'permissionMode', observed: s('to_mode'), timestamp, identity: base.identity, source: name });
      break;
    default: {
      const feature = name.slice('claude_code.'.length);
      if (feature) events.push({ ...base, kind: 'feature_used', feature });
    }
  }
  return { events, drift };
}
