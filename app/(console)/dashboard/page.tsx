import { ComingSoon } from '@/components/shell/ComingSoon';

export const metadata = { title: 'Dashboard' };

export default function DashboardPage() {
  return (
    <ComingSoon title="Dashboard" description="Audit charts over uploaded telemetry and prompt logs.">
      Events over time, feature usage, errors, performance, daily active users, commands by decision, prompts by team and
      model, and compliance findings, filtered by date, team, user and client.
    </ComingSoon>
  );
}
