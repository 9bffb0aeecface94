import type { SettingsChange } from '@/lib/policy/diff';

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

export function DiffView({ changes }: { changes: SettingsChange[] }) {
  if (changes.length === 0) return <p className="text-sm text-slate-600">The two versions have identical settings.</p>;
  return (
    <ul className="divide-y divide-slate-100" aria-label="Changes">
      {changes.map((change) => (
        <li key={change.path} className="py-3" data-testid={`change-${change.path}`} data-kind={change.kind}>
          <code className="text-sm font-semibold text-slate-900">{change.path}</code>
          <div className="mt-1 space-y-0.5 font-mono text-xs">
            {change.kind === 'added' ? <p className="text-emerald-800">+ set to {show(change.after)}</p> : null}
            {change.kind === 'removed' ? <p className="text-red-800">− unset (was {show(change.before)})</p> : null}
            {change.kind === 'changed' ? (
              <>
                <p className="text-red-800">− {show(change.before)}</p>
                <p className="text-emerald-800">+ {show(change.after)}</p>
              </>
            ) : null}
            {change.kind === 'list' ? (
              <>
                {change.removed.map((item, i) => (
                  <p key={`r${i}`} className="text-red-800">
                    − {show(item)}
                  </p>
                ))}
                {change.added.map((item, i) => (
                  <p key={`a${i}`} className="text-emerald-800">
                    + {show(item)}
                  </p>
                ))}
                {change.reordered ? <p className="text-slate-600">order changed</p> : null}
              </>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
