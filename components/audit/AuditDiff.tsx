import { hasDiff, prepareAuditDiff } from '@/lib/audit/present';

const KIND_LABEL = { added: 'added', removed: 'removed', changed: 'changed' } as const;

/** Before/after of one audit row, field by field, behind a <details> (works without JavaScript). */
export function AuditDiff({ before, after, details, seq }: { before: unknown; after: unknown; details: unknown; seq: number }) {
  const diff = prepareAuditDiff(before, after, details);
  if (!hasDiff(diff)) return <span className="text-xs text-slate-400">—</span>;
  const kinds = new Set(diff.lines.map((line) => line.kind));
  // "3 fields added" for a creation, "1 field removed" for a deletion, "2 fields changed" otherwise.
  const verb = kinds.size === 1 ? KIND_LABEL[[...kinds][0]!] : 'changed';
  const summary = [
    diff.lines.length ? `${diff.lines.length} field${diff.lines.length === 1 ? '' : 's'} ${verb}` : null,
    diff.details.length ? `${diff.details.length} detail${diff.details.length === 1 ? '' : 's'}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <details className="group" data-testid={`audit-diff-${seq}`}>
      <summary className="cursor-pointer select-none text-xs font-medium text-brand-700 hover:underline">{summary}</summary>
      <div className="mt-2 space-y-2">
        {diff.lines.length ? (
          <dl className="space-y-1.5 text-xs">
            {diff.lines.map((line) => (
              <div key={line.path} className="rounded bg-slate-50 p-2 ring-1 ring-slate-200">
                <dt className="font-mono font-medium text-slate-800">
                  {line.path} <span className="font-sans font-normal text-slate-500">({KIND_LABEL[line.kind]})</span>
                </dt>
                {line.before !== null ? (
                  <dd className="mt-1 break-all font-mono text-red-800">
                    <span className="sr-only">before: </span>
                    <span aria-hidden="true">− </span>
                    {line.before}
                  </dd>
                ) : null}
                {line.after !== null ? (
                  <dd className="mt-0.5 break-all font-mono text-emerald-800">
                    <span className="sr-only">after: </span>
                    <span aria-hidden="true">+ </span>
                    {line.after}
                  </dd>
                ) : null}
              </div>
            ))}
          </dl>
        ) : null}
        {diff.unchanged ? <p className="text-xs text-slate-500">{diff.unchanged} unchanged field{diff.unchanged === 1 ? '' : 's'} not shown.</p> : null}
        {diff.details.length ? (
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
            {diff.details.map((item) => (
              <div key={item.path} className="contents">
                <dt className="font-mono text-slate-500">{item.path}</dt>
                <dd className="break-all font-mono text-slate-800">{item.value}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </div>
    </details>
  );
}
