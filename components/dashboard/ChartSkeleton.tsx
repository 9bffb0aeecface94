/** The placeholder of a chart while its data streams in. */
export function ChartSkeleton({ title, tall = false }: { title?: string; tall?: boolean }) {
  return (
    <section aria-busy="true" aria-label={title ? `${title} (loading)` : 'Loading chart'} className="rounded-lg bg-white px-5 py-4 shadow-xs ring-1 ring-slate-200" data-testid="chart-skeleton">
      <div className="h-4 w-40 animate-pulse rounded bg-slate-200" />
      <div className="mt-2 h-3 w-64 animate-pulse rounded bg-slate-100" />
      <div className={`mt-4 animate-pulse rounded bg-slate-100 ${tall ? 'h-72' : 'h-56'}`} />
    </section>
  );
}

export function KpiSkeleton() {
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-5" aria-busy="true" aria-label="Loading key figures">
      {Array.from({ length: 5 }, (_, i) => (
        <div key={i} className="h-24 animate-pulse rounded-lg bg-white ring-1 ring-slate-200" />
      ))}
    </div>
  );
}
