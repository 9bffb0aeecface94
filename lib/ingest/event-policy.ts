import 'server-only';
import type { Actor } from '@/lib/auth/permissions';
import { getEffectivePolicy } from '@/lib/teams/effective';
import type { EventPolicy } from './context';

/** What a team's effective policy says about its events (trusted commands, telemetry off), for uploads and OTLP alike. */
export async function eventPolicyFor(reader: Actor, teamId: string): Promise<EventPolicy> {
  const effective = await getEffectivePolicy(reader, teamId);
  const ref = effective.layers.filter((l) => l.templateId).map((l) => `${l.source}:${l.templateId}@${l.version}`).join(',') || 'defaults';
  // Only a policy that says so counts: the built-in default is not an instruction a machine ignored.
  const disabledByPolicy = effective.settings.telemetry.enabled === false && effective.provenance['telemetry.enabled'] !== 'default';
  return { ref, trustedCommands: effective.settings.trustedCommands, telemetryDisabled: disabledByPolicy };
}
