import { asBoolean, asCount, asJsonObject, asString } from '../coerce';
import type { OtlpLogRecord, OtlpValue } from '../types';
import { clientOf, eventNameOf, identityOf, recordId, timestampOf } from './common';
import type { Decision, DriftObservation, NormalisedEvent } from './types';

/** `tool_call.decision` → Pilotlight decision (absent: no prompt happened → auto). */
export function geminiDecision(decision: string | null): Decision {
  if (decision === 'accept' || decision === 'modify') return 'approved';
  if (decision === 'reject') return 'denied';
  return 'auto'; // auto_accept, absent
}

/** Fields of `gemini_cli.config` reported as drift observations (attribute → canonical field). */
export const GEMINI_DRIFT_FIELDS: Readonly<Record<string, string>> = {
  approval_mode: 'approvalMode',
  sandbox_enabled: 'sandbox',
  core_tools_enabled: 'coreTools',
  log_user_prompts_enabled: 'logPrompts',
  mcp_servers: 'mcpServers',
};

function driftValue(v: OtlpValue | undefined): string | number | boolean | null {
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return v;
  return null;
}

/** One Gemini CLI log record → Pilotlight events and drift observations. Pure. */
export function normaliseGeminiRecord(record: OtlpLogRecord): { events: NormalisedEvent[]; drift: DriftObservation[] } | null {
  const name = eventNameOf(record, 'gemini-cli');
  const timestamp = timestampOf(record);
  if (!name || !timestamp) return null;
  const a = record.attributes;
  const base = { id: recordId('gemini-cli', record), timestamp, agent: 'gemini-cli' as const, name, identity: identityOf(record), ...clientOf(record) };
  const s = (key: string) => asString(a[key]);
  const events: NormalisedEvent[] = [];
  const drift: DriftObservation[] = [];

  switch (name) {
    case 'gemini_cli.tool_call': {
      const tool = s('function_name') ?? 'unknown';
      const success = asBoolean(a.success);
      const durationMs = asCount(a.duration_ms);
      if (tool === 'run_shell_command') {
        const command = asJsonObject(a.function_args)?.command;
        if (typeof command === 'string' && command.trim() !== '') {
          events.push({ ...base, kind: 'command_executed', command, decision: geminiDecision(s('decision')), tool, toolUseId: null, success, durationMs });
        }
      }
      if (success === false && s('decision') !== 'reject') {
        events.push({ ...base, id: `${base.id}:error`, kind: 'error', message: `${tool} failed${s('error') ? `: ${s('error')}` : ''}`, statusCode: null, model: null, durationMs });
      }
      break;
    }
    case 'gemini_cli.user_prompt':
      events.push({ ...base, kind: 'prompt', length: asCount(a.prompt_length), text: s('prompt') });
      break;
    case 'gemini_cli.api_response': {
      const durationMs = asCount(a.duration_ms);
      if (durationMs !== null) {
        events.push({
          ...base, kind: 'performance', durationMs, model: s('model'), inputTokens: asCount(a.input_token_count), outputTokens: asCount(a.output_token_count),
          cacheReadTokens: asCount(a.cached_content_token_count), cacheCreationTokens: null, totalTokens: asCount(a.total_token_count), costUsd: null,
        });
      }
      break;
    }
    case 'gemini_cli.api_error':
      events.push({
        ...base, kind: 'error', message: s('error.message') ?? s('error') ?? 'API error', statusCode: asCount(a.status_code) ?? asCount(a['http.status_code']),
        model: s('model') ?? s('model_name'), durationMs: asCount(a.duration_ms),
      });
      break;
    case 'gemini_cli.config':
      for (const [key, field] of Object.entries(GEMINI_DRIFT_FIELDS)) {
        if (key in a) drift.push({ agent: 'gemini-cli', field, observed: driftValue(a[key]), timestamp, identity: base.identity, source: name });
      }
      break;
    default: {
      const feature = name.replace(/^gemini_cli\./, '');
      events.push({ ...base, kind: 'feature_used', feature });
    }
  }
  return { events, drift };
}
