import Link from 'next/link';

/** The empty state of a chart: where data comes from. */
export function NoData() {
  return (
    <div className="rounded-md border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600" data-testid="chart-empty">
      <p className="font-medium text-slate-800">No data for these filters.</p>
      <p className="mt-1">
        Upload telemetry, prompt logs or activity reports on{' '}
        <Link href="/uploads" className="font-medium text-sky-700 underline">
          Uploads
        </Link>
        , or run <code>npm run demo</code> for 90 days of sample data. A wider date range or fewer filters may also help.
      </p>
    </div>
  );
}
