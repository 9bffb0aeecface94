'use client';

import Link from 'next/link';
import { useEffect, useState, useTransition } from 'react';
import type { DrillRecord, DrillResult, DrillValue } from '@/lib/analytics/drill';
import { useRenderedForOrg } from '@/components/shell/RenderedForOrg';
import { Button } from '@/components/ui/Button';

export type DrillActionResult = { ok: true; data: DrillResult } | { ok: false; error: string };
export type DrillAction = (input: { chart: string; query: string; x: string; series: string; cursor?: string; renderedForOrg: string }) => Promise<DrillActionResult>;

function cell(value: DrillValue | undefined): string {
  if (value === null || value === undefined) return '–';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '–';
  return String(value);
}

/** The records behind one bucket and series, page by page. */
export function DrillDownPanel({
  chart,
  query,
  x,
  series,
  seriesNames,
  drill,
  onSeries,
  onClose,
}: {
  chart: string;
  query: string;
  x: string;
  series: string;
  seriesNames: string[];
  drill: DrillAction;
  onSeries: (name: string) => void;
  onClose: () => void;
}) {
  const [records, setRecords] = useState<DrillRecord[]>([]);
  const [result, setResult] = useState<DrillResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const renderedForOrg = useRenderedForOrg();

  const load = (cursor?: string) =>
    start(async () => {
      const res = await drill({ chart, query, x, series, cursor, renderedForOrg });
      if (!res.ok) {
        setError(res.error);
        return;
      }
      setError(null);
      setResult(res.data);
      setRecords((prev) => (cursor ? [...prev, ...res.data.records] : res.data.records));
    });

  useEffect(() => {
    load();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one load per panel (keyed by bucket and series)
  }, []);

  return (
    <div className="mt-4 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200" role="region" aria-label={`Records for ${series} at ${x}`} data-testid="drilldown">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">
          Records: {series ? `${series}, ` : ''}
          {x}
        </h3>
        <div className="flex flex-wrap items-center gap-2">
          {seriesNames.length > 1 ? (
            <label className="text-xs text-slate-600">
              Series{' '}
              <select className="rounded border-slate-300 text-xs" value={series} onChange={(e) => onSeries(e.target.value)}>
                {seriesNames.map((name) => (
                  <option key={name}>{name}</option>
                ))}
              </select>
            </label>
          ) : null}
          <Button variant="ghost" size="sm" onClick={onClose}>
            Close
          </Button>
        </div>
      </div>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {result?.promptTextHidden ? <p className="mt-2 text-xs text-slate-600">Prompt text is hidden: your role may not read prompts.</p> : null}
      {result ? (
        records.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No records in this bucket.</p>
        ) : (
          <div className="mt-2 max-h-96 overflow-auto">
            <table className="min-w-full divide-y divide-slate-200 text-xs" aria-label="Records" data-testid="drilldown-table">
              <thead>
                <tr>
                  {result.columns.map((c) => (
                    <th key={c.key} scope="col" className="px-2 py-1 text-left font-semibold text-slate-500">
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {records.map((r, i) => (
                  <tr key={i}>
                    {result.columns.map((c) => (
                      <td key={c.key} className="max-w-xs px-2 py-1 align-top break-words text-slate-700">
                        {c.key === 'upload' && typeof r.uploadId === 'string' ? (
                          <Link className="text-sky-700 underline" href={`/uploads/${r.uploadId}`}>
                            {cell(r.upload)}
                          </Link>
                        ) : c.key === 'detail' || c.key === 'prompt' ? (
                          <code className="whitespace-pre-wrap">{cell(r[c.key])}</code>
                        ) : (
                          cell(r[c.key])
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      <div className="mt-2 flex items-center gap-3 text-xs text-slate-600">
        {pending ? <span role="status">Loading…</span> : null}
        {result?.nextCursor && !pending ? (
          <Button variant="secondary" size="sm" onClick={() => load(result.nextCursor ?? undefined)}>
            Load more
          </Button>
        ) : null}
        {result ? <span>{records.length} shown</span> : null}
      </div>
    </div>
  );
}
