import { ComingSoon } from '@/components/shell/ComingSoon';

export const metadata = { title: 'Reports' };

export default function ReportsPage() {
  return (
    <ComingSoon title="Reports" description="Audit reports for a period and scope.">
      Printable, CSV and JSON audit reports for a date range and team, built from the same data as the dashboard.
    </ComingSoon>
  );
}
