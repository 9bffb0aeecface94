import { Badge, type BadgeTone } from '@/components/ui/Badge';

const RISK: Record<string, { tone: BadgeTone; label: string }> = {
  critical: { tone: 'critical', label: 'Critical risk' },
  high: { tone: 'danger', label: 'High risk' },
  medium: { tone: 'warning', label: 'Medium risk' },
  low: { tone: 'neutral', label: 'Low risk' },
  none: { tone: 'success', label: 'No findings' },
};

export function RiskBadge({ risk, counts }: { risk: string; counts?: Record<string, number> }) {
  const { tone, label } = RISK[risk] ?? RISK.none!;
  const detail = counts ? Object.entries(counts).filter(([, n]) => n > 0).map(([severity, n]) => `${n} ${severity}`).join(', ') : undefined;
  return (
    <Badge tone={tone} title={detail || undefined}>
      {label}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: string }) {
  const tone: BadgeTone = severity === 'critical' ? 'critical' : severity === 'high' ? 'danger' : severity === 'medium' ? 'warning' : 'neutral';
  return <Badge tone={tone}>{severity}</Badge>;
}
