import type { Kpi } from '@/lib/analytics/kpis';

function format(value: number | null, unit: string): string {
  if (value === null) return '–';
  if (unit === 'ms') return `${value >= 1000 ? (value / 1000).toFixed(2) + ' s' : Math.round(value) + ' ms'}`;
  return value.toLocaleString('en-US');
}

/** Key figures with the change against the previous period of the same length. */
export function KpiTiles({ kpis }: { kpis: Kpi[] }) {
  return (
    <ul className="grid grid-cols-2 gap-3 md:grid-cols-5" aria-label="Key figures">
      {kpis.map((kpi) => {
        const { current, previous, ratio, direction } = kpi.change;
        // More events and users is neutral-good; more errors, dangerous commands and latency is bad.
        const badWhenUp = kpi.id === 'errors' || kpi.id === 'dangerous-commands' || kpi.id === 'p95-latency';
        const tone = direction === 'flat' || direction === 'none' ? 'text-slate-500' : (direction === 'up') === badWhenUp ? 'text-red-700' : 'text-emerald-700';
        const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '';
        const change = ratio === null ? (direction === 'up' ? 'new' : direction === 'flat' ? 'no change' : 'no previous data') : `${ratio > 0 ? '+' : ''}${Math.round(ratio * 100)}%`;
        return (
          <li key={kpi.id} className="rounded-lg bg-white px-4 py-3 shadow-xs ring-1 ring-slate-200" data-testid={`kpi-${kpi.id}`}>
            <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{kpi.label}</p>
            <p className="mt-1 text-2xl font-semibold text-slate-900" data-testid="kpi-value">
              {format(current, kpi.unit)}
            </p>
            <p className={`mt-0.5 text-xs ${tone}`}>
              <span aria-hidden="true">{arrow} </span>
              {change} <span className="text-slate-500">vs previous period ({format(previous, kpi.unit)})</span>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
