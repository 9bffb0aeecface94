import type { LintFinding } from '@/lib/policy/lint';

export type RiskLevel = LintFinding['severity'] | 'none';
const ORDER: RiskLevel[] = ['critical', 'high', 'medium', 'low', 'none'];

export function highestSeverity(findings: readonly LintFinding[]): RiskLevel {
  return ORDER.find((level) => findings.some((finding) => finding.severity === level)) ?? 'none';
}
