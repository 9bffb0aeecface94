import Link from 'next/link';
import { EmptyState } from '@/components/ui/EmptyState';
import { formatDateTime } from '@/components/ui/format';
import { Table, Td, Th } from '@/components/ui/Table';
import type { GeneratedReport } from '@/lib/reports/generate';

/** A generated report as listed (lib/reports/generate.ts); the list needs no team id. */
export type RecentReport = Omit<GeneratedReport, 'team'> & { team: Pick<NonNullable<GeneratedReport['team']>, 'slug' | 'name'> | null };

/** The reports generated recently (from their audit-log rows): who, when, which period and scope. */
export function RecentReports({ reports, viewPath }: { reports: RecentReport[]; viewPath: string }) {
  if (!reports.length) return <EmptyState title="No report generated yet">Choose a period and a scope above and press “Generate report”; every report generated appears here.</EmptyState>;
  return (
    <Table label="Recently generated reports">
      <thead>
        <tr>
          <Th>When</Th>
          <Th>Who</Th>
          <Th>Period</Th>
          <Th>Scope</Th>
          <Th>Format</Th>
          <Th>Data sha256</Th>
          <Th>
            <span className="sr-only">Open</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {reports.map((r) => {
          const q = new URLSearchParams({ preset: 'custom', from: r.from, to: r.to, format: 'html' });
          if (r.team) q.set('team', r.team.slug);
          return (
            <tr key={r.seq}>
              <Td className="whitespace-nowrap">{formatDateTime(r.at)}</Td>
              <Td>
                {r.by}
                {r.byType === 'token' ? <span className="text-xs text-slate-500"> (API token)</span> : null}
              </Td>
              <Td className="whitespace-nowrap">
                {r.from} – {r.to}
              </Td>
              <Td>{r.team ? `Team ${r.team.name}` : 'Organization'}</Td>
              <Td className="uppercase">{r.format}</Td>
              <Td className="font-mono text-xs" title={r.dataSha256}>
                {r.dataSha256.slice(0, 12)}…
              </Td>
              <Td>
                <Link className="text-sky-700 underline" href={`${viewPath}?${q.toString()}`} prefetch={false}>
                  Open again
                </Link>
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
