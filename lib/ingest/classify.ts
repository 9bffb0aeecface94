import { checkCoverage } from '@/lib/policy/coverage';
import { commandDangers } from '@/lib/policy/lint';

/**
 * A `command_executed` event judged by the lint engine (dangerous, with why) and by the team's
 * effective trusted list (both coverage verdicts, as POST /api/v1/templates/coverage gives them).
 * `untrusted` is the strict verdict: some part of the command is not covered by the list.
 */
export interface CommandClassification {
  dangerous: boolean;
  dangerReasons: string[];
  untrusted: boolean;
  coveredAsToolMatches: boolean;
  coveredStrictly: boolean;
}

/** Read-only commands the agents trust by themselves (the seed): they need no list entry. */
export const BUILT_IN_TRUSTED = ['ls', 'cat', 'echo', 'pwd', 'which', 'head', 'tail', 'find', 'grep'].map((name) => `${name} *`);

export function classifyCommand(command: string, trustedCommands: readonly string[]): CommandClassification {
  const dangerReasons = commandDangers(command);
  const coverage = checkCoverage([...trustedCommands, ...BUILT_IN_TRUSTED], command);
  return {
    dangerous: dangerReasons.length > 0,
    dangerReasons,
    untrusted: !coverage.coveredStrictly,
    coveredAsToolMatches: coverage.coveredAsToolMatches,
    coveredStrictly: coverage.coveredStrictly,
  };
}

/**
 * Classifications per (policy, command), bounded: telemetry repeats the same few commands, and
 * the shell reader is the most expensive step of an event.
 */
export class CommandClassifier {
  private readonly cache = new Map<string, CommandClassification>();
  constructor(private readonly maxEntries = 20_000) {}

  classify(policyKey: string, trustedCommands: readonly string[], command: string): CommandClassification {
    const key = `${policyKey}\u0000${command}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const result = classifyCommand(command, trustedCommands);
    if (this.cache.size >= this.maxEntries) this.cache.clear();
    this.cache.set(key, result);
    return result;
  }
}
