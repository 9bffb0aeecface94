import { MessageText } from '@/components/ui/MessageText';
import type { LintFinding } from '@/lib/policy/lint';
import { SeverityBadge } from './RiskBadge';

export function FindingsSummary({ findings, environment }: { findings: readonly LintFinding[]; environment: 'development' | 'production' }) {
  if (findings.length === 0) {
    return <p className="text-sm text-emerald-700">✓ No risk findings for a {environment} team.</p>;
  }
  return (
    <div>
      <p className="text-sm text-slate-600">
        {findings.length} risk finding{findings.length === 1 ? '' : 's'} for a {environment} team:
      </p>
      <ul className="mt-2 space-y-1">
        {findings.map((finding) => (
          <li key={`${finding.rule}-${finding.path}`} data-testid="finding" data-rule={finding.rule} className="flex items-start gap-2 text-sm">
            <SeverityBadge severity={finding.severity} />
            <code className="text-xs text-slate-500">{finding.path}</code>
            <span className="text-slate-700">
              <MessageText text={finding.message} />
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
