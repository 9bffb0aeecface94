import { Suspense } from 'react';
import { KpiSkeleton } from '@/components/dashboard/ChartSkeleton';
import { KpiTiles } from '@/components/dashboard/KpiTiles';
import { getKpis } from '@/lib/analytics/kpis';
import type { MetricsFilters } from '@/lib/analytics/filters';
import type { Actor } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { ChartGrid, FilterError, readFilters, type SearchParams } from './view';

export const metadata = { title: 'Dashboard' };
export const dynamic = 'force-dynamic';

async function Kpis({ actor, filters }: { actor: Actor; filters: MetricsFilters }) {
  return <KpiTiles kpis={await getKpis(actor, filters)} />;
}

export default async function TelemetryDashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireUser();
  const read = await readFilters(searchParams);
  if ('error' in read) return <FilterError message={read.error} />;
  return (
    <div className="space-y-4">
      <Suspense key={read.query} fallback={<KpiSkeleton />}>
        <Kpis actor={actor} filters={read.filters} />
      </Suspense>
      <ChartGrid actor={actor} page="telemetry" filters={read.filters} query={read.query} />
    </div>
  );
}
