import { Suspense } from 'react';
import { ChartSkeleton } from '@/components/dashboard/ChartSkeleton';
import { ChartError } from '@/components/dashboard/ChartError';
import { PolicyInsights } from '@/components/dashboard/PolicyInsights';
import type { MetricsFilters } from '@/lib/analytics/filters';
import { APPROVALS_THRESHOLD, getPolicyInsights } from '@/lib/analytics/insights';
import { can, type Actor } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { trustCommandsAction } from '../actions';
import { ChartGrid, FilterError, readFilters, type SearchParams } from '../view';

export const metadata = { title: 'Dashboard · Compliance' };
export const dynamic = 'force-dynamic';

async function Insights({ actor, filters }: { actor: Actor; filters: MetricsFilters }) {
  let insights: Awaited<ReturnType<typeof getPolicyInsights>>;
  try {
    insights = await getPolicyInsights(actor, filters);
  } catch (error) {
    if (!(error instanceof AppError)) console.error('policy insights failed', error);
    return <ChartError title="Policy insights" message={error instanceof AppError ? error.message : 'the query failed.'} />;
  }
  return <PolicyInsights insights={insights} threshold={APPROVALS_THRESHOLD} canWrite={can(actor, 'templates:write')} trust={trustCommandsAction} />;
}

export default async function ComplianceDashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireUser();
  const read = await readFilters(searchParams);
  if ('error' in read) return <FilterError message={read.error} />;
  return (
    <div className="space-y-4">
      <ChartGrid actor={actor} page="compliance" filters={read.filters} query={read.query} />
      <Suspense key={read.query} fallback={<ChartSkeleton title="Policy insights" />}>
        <Insights actor={actor} filters={read.filters} />
      </Suspense>
    </div>
  );
}
