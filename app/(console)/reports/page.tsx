import { RecentReports } from '@/components/reports/RecentReports';
import { ReportForm } from '@/components/reports/ReportForm';
import { Alert } from '@/components/ui/Alert';
import { Card } from '@/components/ui/Card';
import { PageHeader } from '@/components/ui/PageHeader';
import { addDays, todayIn } from '@/lib/analytics/time';
import { requireUser } from '@/lib/auth/session';
import { listGeneratedReports } from '@/lib/reports/generate';
import { listTeams } from '@/lib/teams/teams';

export const metadata = { title: 'Reports' };
export const dynamic = 'force-dynamic';

type Search = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export default async function ReportsPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireUser();
  const params = await searchParams;
  const today = todayIn('UTC');
  const [teams, recent] = await Promise.all([listTeams(actor), listGeneratedReports(actor)]);
  const error = first(params.error);
  return (
    <>
      <PageHeader
        title="Reports"
        description="An audit report for a period and a scope: the policy in force, what happened, the findings and the integrity of the audit log — built from the same data as the dashboards."
      />
      <div className="space-y-6">
        <Card title="Audit report" description="Open it as a printable page, or download it as PDF, CSV or JSON. Generating a report is recorded in the audit log.">
          {error ? (
            <div className="mb-4">
              <Alert tone="error">{error}</Alert>
            </div>
          ) : null}
          <ReportForm
            action="/reports/audit"
            teams={teams.map(({ id, slug, name }) => ({ id, slug, name }))}
            values={{
              preset: first(params.preset) || '30d',
              from: first(params.from) || addDays(today, -29),
              to: first(params.to) || today,
              team: first(params.team),
              format: first(params.format) || 'html',
            }}
          />
        </Card>
        <Card title="Recently generated" description="From the audit log: who generated which report, and when.">
          <RecentReports reports={recent} viewPath="/reports/audit" />
        </Card>
      </div>
    </>
  );
}
