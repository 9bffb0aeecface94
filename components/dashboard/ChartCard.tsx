'use client';

import dynamic from 'next/dynamic';
import { useId, useState } from 'react';
import type { ChartSeries } from '@/components/charts/types';
import { Button } from '@/components/ui/Button';
import type { DrillAction } from './DrillDownPanel';
import { DrillDownPanel } from './DrillDownPanel';
import { DataTable } from './DataTable';
import { NoData } from './NoData';

// recharts is loaded with the chart, not with the page: it stays out of the first-load JS.
const placeholder = () => <div className="h-56 animate-pulse rounded bg-slate-100" />;
const TimeSeriesChart = dynamic(() => import('@/components/charts/TimeSeriesChart').then((m) => m.TimeSeriesChart), { ssr: false, loading: placeholder });
const CategoryChart = dynamic(() => import('@/components/charts/CategoryChart').then((m) => m.CategoryChart), { ssr: false, loading: placeholder });

export interface ChartCardProps {
  chart: string;
  title: string;
  description: string;
  kind: 'time' | 'category';
  display: 'line' | 'stacked-bar' | 'bar';
  unit: string;
  bucket: string;
  series: ChartSeries[];
  summary: string;
  /** The page's filters as a query string, for the drill-down. */
  query: string;
  drill: DrillAction;
  wide?: boolean;
}

/** One chart: title, summary, the drawing or a table, and the records behind a clicked point. */
export function ChartCard({ chart, title, description, kind, display, unit, bucket, series, summary, query, drill, wide }: ChartCardProps) {
  const [asTable, setAsTable] = useState(false);
  const [selected, setSelected] = useState<{ x: string; series: string } | null>(null);
  const headingId = useId();
  const summaryId = useId();
  const empty = series.length === 0 || series.every((s) => s.data.every((p) => !p.y));
  const select = (x: string, name: string) => setSelected({ x, series: name });
  return (
    <section
      aria-labelledby={headingId}
      aria-describedby={summaryId}
      className={`rounded-lg bg-white shadow-xs ring-1 ring-slate-200 ${wide ? 'lg:col-span-2' : ''}`}
      data-testid={`chart-${chart}`}
    >
      <header className="flex flex-wrap items-start justify-between gap-2 border-b border-slate-100 px-5 py-3">
        <div>
          <h2 id={headingId} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          <p className="text-xs text-slate-500">
            {description}
            {kind === 'time' ? ` Per ${bucket}.` : ''}
          </p>
        </div>
        {!empty ? (
          <Button variant="secondary" size="sm" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
            {asTable ? 'View as chart' : 'View as table'}
          </Button>
        ) : null}
      </header>
      <div className="px-5 py-4">
        <p id={summaryId} className="sr-only">
          {summary}
        </p>
        {empty ? (
          <NoData />
        ) : asTable ? (
          <DataTable title={title} series={series} onSelect={select} />
        ) : (
          <figure role="img" aria-label={`${title}: ${summary}`} className="m-0" data-testid="chart-figure">
            {kind === 'time' ? (
              <TimeSeriesChart series={series} display={display === 'bar' ? 'stacked-bar' : display} unit={unit} onSelect={select} />
            ) : (
              <CategoryChart series={series} unit={unit} onSelect={select} />
            )}
            <figcaption className="mt-2 text-xs text-slate-500">{summary} Click a bar or point for its records; “View as table” for keyboard access.</figcaption>
          </figure>
        )}
        {selected ? (
          <DrillDownPanel
            key={`${selected.x}|${selected.series}`}
            chart={chart}
            query={query}
            x={selected.x}
            series={selected.series}
            seriesNames={series.map((s) => s.name)}
            drill={drill}
            onSeries={(name) => setSelected({ x: selected.x, series: name })}
            onClose={() => setSelected(null)}
          />
        ) : null}
      </div>
    </section>
  );
}
