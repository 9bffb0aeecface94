'use client';

import type { ChartSeries } from '@/components/charts/types';

/** The chart's numbers as a table; every non-empty cell opens its records (keyboard path). */
export function DataTable({ title, series, onSelect }: { title: string; series: ChartSeries[]; onSelect: (x: string, series: string) => void }) {
  const xs = series[0]?.data.map((p) => p.x) ?? [];
  return (
    <div className="max-h-80 overflow-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label={`${title} as a table`} data-testid="chart-table">
        <thead className="sticky top-0 bg-white">
          <tr>
            <th scope="col" className="px-2 py-1.5 text-left text-xs font-semibold text-slate-500">
              Bucket
            </th>
            {series.map((s) => (
              <th key={s.name} scope="col" className="px-2 py-1.5 text-right text-xs font-semibold text-slate-500">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {xs.map((x, i) => (
            <tr key={x}>
              <th scope="row" className="px-2 py-1 text-left font-normal text-slate-700">
                {x}
              </th>
              {series.map((s) => {
                const y = s.data[i]?.y ?? null;
                return (
                  <td key={s.name} className="px-2 py-1 text-right tabular-nums">
                    {y ? (
                      <button type="button" className="text-sky-700 underline-offset-2 hover:underline" onClick={() => onSelect(x, s.name)} aria-label={`${s.name} at ${x}: ${y}. Show records`}>
                        {y}
                      </button>
                    ) : (
                      <span className="text-slate-400">{y === null ? '–' : 0}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
