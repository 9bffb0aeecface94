import { ChartCard } from '@/components/dashboard/ChartCard';
import { ChartError } from '@/components/dashboard/ChartError';
import { CHARTS, type ChartId } from '@/lib/analytics/catalog';
import { getChart } from '@/lib/analytics/charts';
import type { MetricsFilters } from '@/lib/analytics/filters';
import { summarize } from '@/lib/analytics/prepare';
import type { Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { drillDownAction } from './actions';

/** One chart, streamed: the same lib function as GET /api/v1/metrics/{chart}. */
export async function ChartSlot({ actor, chart, filters, query, wide }: { actor: Actor; chart: ChartId; filters: MetricsFilters; query: string; wide?: boolean }) {
  const info = CHARTS[chart];
  let result: Awaited<ReturnType<typeof getChart>>;
  try {
    result = await getChart(actor, chart, filters);
  } catch (error) {
    if (!(error instanceof AppError)) console.error(`chart ${chart} failed`, error);
    return <ChartError title={info.title} message={error instanceof AppError ? error.message : 'the query failed.'} />;
  }
  return (
    <ChartCard
      chart={chart}
      title={info.title}
      description={info.description}
      kind={info.kind}
      display={info.display}
      unit={info.unit}
      bucket={result.bucket}
      series={result.series}
      summary={summarize(result.series, info.kind, info.unit || 'units')}
      query={query}
      drill={drillDownAction}
      wide={wide}
    />
  );
}
