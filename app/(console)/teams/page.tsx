import { ComingSoon } from '@/components/shell/ComingSoon';

export const metadata = { title: 'Teams' };

export default function TeamsPage() {
  return (
    <ComingSoon title="Teams" description="Teams, their environment and the policy their machines get.">
      Teams with a production or development environment, policy assignment, project overrides and the effective policy with
      the origin of every field.
    </ComingSoon>
  );
}
