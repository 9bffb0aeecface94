import { Suspense, type ReactNode } from 'react';
import { DashboardTabs } from '@/components/dashboard/DashboardTabs';
import { FilterBar } from '@/components/dashboard/FilterBar';
import { PageHeader } from '@/components/ui/PageHeader';
import { getFilterOptions } from '@/lib/analytics/options';
import { requireUser } from '@/lib/auth/session';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const actor = await requireUser();
  const options = await getFilterOptions(actor);
  return (
    <>
      <PageHeader title="Dashboard" description="What your AI coding agents did: telemetry, prompts, activity and compliance, from the uploaded files. Dates are whole days in the chosen time zone." />
      <Suspense fallback={<div className="mb-4 h-10" />}>
        <DashboardTabs />
        <FilterBar options={options} />
      </Suspense>
      {children}
    </>
  );
}
