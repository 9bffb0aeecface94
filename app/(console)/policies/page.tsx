import { ComingSoon } from '@/components/shell/ComingSoon';

export const metadata = { title: 'Policies' };

export default function PoliciesPage() {
  return (
    <ComingSoon title="Policies" description="Team policy templates: what the agents may do.">
      Policy templates with immutable versions, risk lint and downloads in every agent&apos;s own format arrive next.
    </ComingSoon>
  );
}
