// The shell renders first; this stands in for the teams and the recent reports while they load.
export default function ReportsLoading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading reports">
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      <div className="h-64 animate-pulse rounded-lg bg-slate-100" />
      <div className="h-40 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
