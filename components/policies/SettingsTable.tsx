import { MessageText } from '@/components/ui/MessageText';
import type { ReactNode } from 'react';
import { Badge, type BadgeTone } from '@/components/ui/Badge';
import type { LeafValue, SettingsLeaf } from '@/lib/policy/fields';
import type { LintFinding } from '@/lib/policy/lint';
import { SeverityBadge } from './RiskBadge';

function renderValue(value: LeafValue): ReactNode {
  if (typeof value === 'boolean') return value ? 'On' : 'Off';
  if (typeof value === 'string') return <code className="text-sm">{value}</code>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="text-slate-400">(none)</span>;
    return (
      <ul className="flex flex-wrap gap-1">
        {value.map((item, index) => (
          <li key={`${item}-${index}`}>
            <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{item}</code>
          </li>
        ))}
      </ul>
    );
  }
  return <pre className="max-w-xl overflow-x-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(value, null, 2)}</pre>;
}

export interface Origin {
  label: string;
  tone: BadgeTone;
}

/** Field-by-field view of settings: value, where it comes from, and the findings on it. */
export function SettingsTable({ leaves, originOf, findings }: { leaves: SettingsLeaf[]; originOf: (path: string) => Origin; findings: readonly LintFinding[] }) {
  return (
    <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Settings">
      <thead>
        <tr>
          <th scope="col" className="w-48 px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">Field</th>
          <th scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">Value</th>
          <th scope="col" className="w-32 px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">From</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {leaves.map((leaf) => {
          const origin = originOf(leaf.path);
          const own = findings.filter((f) => f.path === leaf.path || f.path.startsWith(`${leaf.path}.`) || f.path.startsWith(`${leaf.path}[`));
          return (
            <tr key={leaf.path} data-testid={`setting-${leaf.path}`} data-origin={origin.label}>
              <td className="px-3 py-2.5 align-top">
                <div className="font-medium text-slate-900">{leaf.label}</div>
                <code className="text-xs text-slate-400">{leaf.path}</code>
              </td>
              <td className="px-3 py-2.5 align-top text-slate-700">
                {renderValue(leaf.value)}
                {own.map((finding) => (
                  <p key={`${finding.rule}-${finding.path}`} className="mt-1 flex items-start gap-1.5 text-xs text-slate-700">
                    <SeverityBadge severity={finding.severity} />
                    <span>
                      <MessageText text={finding.message} />
                    </span>
                  </p>
                ))}
              </td>
              <td className="px-3 py-2.5 align-top">
                <Badge tone={origin.tone}>{origin.label}</Badge>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
