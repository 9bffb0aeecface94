import { ValidationError } from '@/lib/errors';
import { lintSettings, type LintFinding } from '@/lib/policy/lint';
import { completeSettings } from '@/lib/policy/merge';
import type { PolicySettings } from '@/lib/policy/settings';

export type RiskLevel = LintFinding['severity'] | 'none';
const ORDER: RiskLevel[] = ['critical', 'high', 'medium', 'low', 'none'];

export function highestSeverity(findings: readonly LintFinding[]): RiskLevel {
  return ORDER.find((level) => findings.some((finding) => finding.severity === level)) ?? 'none';
}

/** Rules that block a save until the author explicitly accepts the risk. */
const NEEDS_ACKNOWLEDGMENT = ['trust-all'] as const;

/**
 * Refuses settings that trust every command unless the author acknowledged it
 * (`acknowledgeRisks: ["trust-all"]`); returns what was acknowledged, to store with the version.
 */
export function assertRisksAcknowledged(settings: PolicySettings, acknowledged: readonly string[] = []): string[] {
  const findings = lintSettings(completeSettings(settings)).filter((finding) =>
    (NEEDS_ACKNOWLEDGMENT as readonly string[]).includes(finding.rule),
  );
  const missing = findings.filter((finding) => !acknowledged.includes(finding.rule));
  if (missing.length) {
    throw new ValidationError(
      'Trusting every command (`*`) lets the agent run anything without asking. Remove it, or acknowledge the risk explicitly with acknowledgeRisks: ["trust-all"].',
      missing.map((finding) => ({ path: `settings.${finding.path}`, message: finding.message })),
    );
  }
  return [...new Set(acknowledged.filter((rule) => findings.some((finding) => finding.rule === rule)))];
}
