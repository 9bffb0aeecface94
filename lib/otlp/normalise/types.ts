export type Agent = 'claude-code' | 'gemini-cli' | 'kiro';
export type Decision = 'auto' | 'approved' | 'denied';

export interface Identity {
  session: string | null;
  email: string | null;
  accountUuid: string | null;
  userId: string | null;
  installationId: string | null;
}

interface EventBase {
  /** Stable for the same record: a retried export yields the same id (de-duplication key). */
  id: string;
  timestamp: string;
  agent: Agent;
  clientVersion: string | null;
  os: string | null;
  /** The full event name, e.g. `claude_code.tool_result`, `gemini_cli.tool_call`. */
  name: string;
  identity: Identity;
}

/** Pilotlight event shapes; `kind` follows lib/ingest's telemetry kinds plus `prompt`. */
export type NormalisedEvent =
  | (EventBase & { kind: 'command_executed'; command: string; decision: Decision; tool: string; toolUseId: string | null; success: boolean | null; durationMs: number | null })
  | (EventBase & { kind: 'prompt'; length: number | null; text: string | null })
  | (EventBase & { kind: 'error'; message: string; statusCode: number | null; model: string | null; durationMs: number | null })
  | (EventBase & {
      kind: 'performance';
      durationMs: number;
      model: string | null;
      inputTokens: number | null;
      outputTokens: number | null;
      cacheReadTokens: number | null;
      cacheCreationTokens: number | null;
      totalTokens: number | null;
      costUsd: number | null;
    })
  | (EventBase & { kind: 'feature_used'; feature: string });

/** What an agent reports about its own configuration; compared with the team's policy later. */
export interface DriftObservation {
  agent: Agent;
  field: string;
  observed: string | number | boolean | null;
  timestamp: string;
  identity: Identity;
  source: string;
}

export interface NormalisedLogs {
  events: NormalisedEvent[];
  drift: DriftObservation[];
  /** Records not from a known agent, or with no usable timestamp. */
  skipped: number;
}
