import type { CompleteSettings } from './settings';
import { LINT_RULE_IDS, LINT_RULE_REGISTRY, readPolicy, type LintEnvironment, type LintRule, type LintRuleId, type LintSeverity } from './lint-rules';
export { findSecret, isPlaceholder } from './secrets';
export { commandDangers, commandName, trustEntryDangers } from './dangers';
export { LINT_RULE_IDS, type LintEnvironment, type LintRule, type LintRuleId, type LintSeverity } from './lint-rules';

/**
 * Risk analysis of a resolved policy: the rules in ./lint-rules.ts run over the policy read once
 * (every trusted command parsed once). Pure and synchronous: it also runs in the browser for
 * live lint while an admin edits a template.
 */

export interface LintFinding {
  rule: LintRuleId;
  severity: LintSeverity;
  /** Field path: `trustedCommands[3]`, `mcpServers.github.env.GITHUB_TOKEN`, `telemetry.enabled`… */
  path: string;
  message: string;
}

export interface LintOptions {
  environment?: LintEnvironment;
}

/** Each rule's id, severity, title and description (without its check), for the UI and the docs. */
export const LINT_RULES: Record<LintRuleId, LintRule> = Object.fromEntries(
  LINT_RULE_IDS.map((id) => {
    const { severity, title, description } = LINT_RULE_REGISTRY[id];
    return [id, { severity, title, description }];
  }),
) as Record<LintRuleId, LintRule>;

export function lintSettings(settings: CompleteSettings, options: LintOptions = {}): LintFinding[] {
  const context = readPolicy(settings, options.environment ?? 'development');
  const findings: LintFinding[] = [];
  for (const rule of LINT_RULE_IDS) {
    const { severity, check } = LINT_RULE_REGISTRY[rule];
    check(context, (path, message) => findings.push({ rule, severity, path, message }));
  }
  return findings.sort(compareFindings);
}

/** Paths compare with their numbers as numbers (`trustedCommands[2]` before `[10]`); then rule order. */
function compareFindings(a: LintFinding, b: LintFinding): number {
  return comparePaths(a.path, b.path) || LINT_RULE_IDS.indexOf(a.rule) - LINT_RULE_IDS.indexOf(b.rule);
}

function comparePaths(a: string, b: string): number {
  const chunksA = a.match(/\d+|\D+/g) ?? [];
  const chunksB = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(chunksA.length, chunksB.length); i++) {
    const x = chunksA[i] ?? '';
    const y = chunksB[i] ?? '';
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return chunksA.length - chunksB.length;
}
