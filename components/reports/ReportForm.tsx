import { inputClasses } from '@/components/ui/Field';
import { buttonClasses } from '@/components/ui/Button';

export interface ReportFormValues {
  preset: string;
  from: string;
  to: string;
  team: string;
  format: string;
}

const PRESETS = [
  ['7d', 'Last 7 days'],
  ['30d', 'Last 30 days'],
  ['90d', 'Last 90 days'],
  ['custom', 'Custom period (from / to)'],
] as const;

const FORMATS = [
  ['html', 'Printable page (HTML)'],
  ['pdf', 'PDF'],
  ['csv', 'CSV (spreadsheet)'],
  ['json', 'JSON (with schema)'],
] as const;

/**
 * A plain GET form to the printable view route (/reports/audit), which answers HTML in place and
 * PDF, CSV and JSON as downloads; works without JavaScript. A refused request comes back to the
 * page with the values in the URL, so the form keeps them.
 */
export function ReportForm({ values, teams, action }: { values: ReportFormValues; teams: { id: string; slug: string; name: string }[]; action: string }) {
  const label = 'block text-sm font-medium text-slate-700';
  return (
    <form method="get" action={action} className="grid gap-4 sm:grid-cols-2" aria-label="Generate an audit report">
      <div className="space-y-1">
        <label htmlFor="preset" className={label}>
          Period
        </label>
        <select id="preset" name="preset" defaultValue={values.preset} className={inputClasses}>
          {PRESETS.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </div>
      <div className="grid grid-cols-2 gap-2">
        <div className="space-y-1">
          <label htmlFor="from" className={label}>
            From
          </label>
          <input id="from" name="from" type="date" defaultValue={values.from} className={inputClasses} />
        </div>
        <div className="space-y-1">
          <label htmlFor="to" className={label}>
            To
          </label>
          <input id="to" name="to" type="date" defaultValue={values.to} className={inputClasses} />
        </div>
        <p className="col-span-2 text-xs text-slate-500">Used with “Custom period”; days in UTC, both included, at most 366 days.</p>
      </div>
      <div className="space-y-1">
        <label htmlFor="team" className={label}>
          Scope
        </label>
        <select id="team" name="team" defaultValue={values.team} className={inputClasses}>
          <option value="">The whole organization</option>
          {teams.map((t) => (
            <option key={t.id} value={t.slug}>
              Team {t.name}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="format" className={label}>
          Format
        </label>
        <select id="format" name="format" defaultValue={values.format} className={inputClasses}>
          {FORMATS.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </div>
      <div className="sm:col-span-2">
        <button type="submit" className={buttonClasses('primary')}>
          Generate report
        </button>
      </div>
    </form>
  );
}
