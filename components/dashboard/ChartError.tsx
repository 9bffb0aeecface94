import { Alert } from '@/components/ui/Alert';

/** A chart whose query failed: the rest of the page still works. */
export function ChartError({ title, message }: { title: string; message: string }) {
  return (
    <section className="rounded-lg bg-white px-5 py-4 shadow-xs ring-1 ring-slate-200" aria-label={`${title} (error)`}>
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      <div className="mt-3">
        <Alert tone="error">This chart could not be loaded: {message} Reload the page to try again.</Alert>
      </div>
    </section>
  );
}
