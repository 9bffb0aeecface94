import { FindingsSummary } from '@/components/policies/FindingsSummary';
import { SettingsTable, type Origin } from '@/components/policies/SettingsTable';
import { flattenSettings } from '@/lib/policy/fields';
import type { EffectivePolicy } from '@/lib/teams/effective';

const ORIGINS: Record<string, Origin> = {
  default: { label: 'default', tone: 'neutral' },
  global: { label: 'global', tone: 'info' },
  team: { label: 'team', tone: 'success' },
  project: { label: 'project', tone: 'warning' },
};

export function EffectivePolicyView({ policy }: { policy: EffectivePolicy }) {
  return (
    <div className="space-y-4">
      <ol className="flex flex-wrap items-center gap-2 text-xs text-slate-600" aria-label="Layers">
        <li>built-in defaults</li>
        {policy.layers.map((layer) => (
          <li key={layer.source} className="flex items-center gap-2">
            <span aria-hidden="true">⊕</span>
            <span>
              <strong>{layer.source}</strong>: {layer.label}
              {layer.version ? ` v${layer.version}${layer.pinned ? ' (pinned)' : ' (latest)'}` : ''}
            </span>
          </li>
        ))}
      </ol>
      <FindingsSummary findings={policy.findings} environment={policy.team.environment} />
      <div className="overflow-x-auto">
        <SettingsTable leaves={flattenSettings(policy.settings)} findings={policy.findings} originOf={(path) => ORIGINS[policy.provenance[path] ?? 'default'] ?? ORIGINS.default!} />
      </div>
    </div>
  );
}
