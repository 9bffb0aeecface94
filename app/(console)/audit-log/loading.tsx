// The shell renders first; this stands in for the filters and rows while they are read.
export default function AuditLogLoading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading the audit log">
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      <div className="h-28 animate-pulse rounded-lg bg-white ring-1 ring-slate-200" />
      <div className="h-10 animate-pulse rounded-md bg-slate-100" />
      <div className="space-y-2 rounded-lg bg-white p-5 ring-1 ring-slate-200">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-10 animate-pulse rounded bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
