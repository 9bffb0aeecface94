import { CommandClassifier } from '@/lib/ingest/classify';
import type { EnrichContext, EventPolicy } from '@/lib/ingest/context';
import type { CopyValue } from '@/lib/ingest/copy-text';
import { mapTelemetry } from '@/lib/ingest/telemetry';
import type { NormalisedEvent, NormalisedLogs } from '../normalise';
import type { StreamRef } from './store';

/**
 * Normalised OTLP events → telemetry_event rows, through the very mapper uploads use (same
 * validation, privacy redaction, command classification against the team's effective policy).
 * The key decides the team: the context knows no other team, and the identity map is not asked.
 */

/** One shared, bounded classification cache: agents repeat the same commands all day. */
const classifier = new CommandClassifier();

export function streamContext(stream: StreamRef, policy: EventPolicy): EnrichContext {
  return {
    orgId: stream.orgId,
    uploadId: stream.keyId,
    uploadTeam: { id: stream.teamId, slug: '' },
    teamBySlug: () => null,
    identityTeam: () => null,
    identityEmail: () => null,
    policyFor: () => policy,
    classifier,
    noteUnknownTeam: () => {},
    noteUnknownColumn: () => {},
  };
}

/** A Pilotlight telemetry event (DESIGN §Event formats 1) for a normalised OTLP event. */
export function telemetryEventOf(event: NormalisedEvent): Record<string, unknown> {
  const id = event.identity;
  const common = {
    id: event.id,
    timestamp: event.timestamp,
    user: id.email ?? id.accountUuid ?? id.userId ?? id.installationId,
    client: event.agent,
    clientVersion: event.clientVersion,
    os: event.os,
    name: event.name,
  };
  switch (event.kind) {
    case 'command_executed':
      return { ...common, kind: 'command_executed', feature: event.tool, command: event.command, decision: event.decision, durationMs: event.durationMs };
    case 'error':
      return { ...common, kind: 'error', message: event.message, durationMs: event.durationMs };
    case 'performance':
      // The model in `feature`, so the latency and usage charts can split by it.
      return { ...common, kind: 'performance', feature: event.model, durationMs: event.durationMs };
    case 'prompt':
      // A prompt is counted (feature "prompt"); its text is never stored in telemetry.
      return { ...common, kind: 'feature_used', feature: 'prompt' };
    case 'feature_used':
      return { ...common, kind: 'feature_used', feature: event.feature };
  }
}

export interface MappedLogs {
  rows: CopyValue[][];
  /** Log records at least one of whose events failed validation (answered as partial success). */
  rejectedRecords: number;
  errors: string[];
}

/** The record a normalised event came from: its id without the `:error` suffix. */
const recordOf = (eventId: string) => eventId.replace(/:error$/, '');

export function mapNormalisedLogs(normalised: NormalisedLogs, ctx: EnrichContext): MappedLogs {
  const rows: CopyValue[][] = [];
  const rejected = new Set<string>();
  const errors: string[] = [];
  for (const event of normalised.events) {
    // Claude reports one command twice: tool_decision (before) and tool_result (after running).
    // The result is the executed command; a decision counts only when it stopped the command.
    if (event.kind === 'command_executed' && event.name === 'claude_code.tool_decision' && event.decision !== 'denied') continue;
    const result = mapTelemetry(telemetryEventOf(event), ctx);
    if (result.ok) rows.push(result.row);
    else {
      rejected.add(recordOf(event.id));
      if (errors.length < 5) errors.push(`${event.name}: ${result.message}`);
    }
  }
  // A record is stored whole or not at all: drop the rows of a record one of whose events failed.
  const kept = rejected.size ? rows.filter((row) => !rejected.has(recordOf(String(row[2])))) : rows;
  return { rows: kept, rejectedRecords: rejected.size, errors };
}
