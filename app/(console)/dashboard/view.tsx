import { Suspense, type ReactNode } from 'react';
import { ChartSkeleton } from '@/components/dashboard/ChartSkeleton';
import { Alert } from '@/components/ui/Alert';
import { CHARTS, PAGE_CHARTS, type ChartId, type DashboardPage } from '@/lib/analytics/catalog';
import { parseFilters, type MetricsFilters } from '@/lib/analytics/filters';
import type { Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { ChartSlot } from './chart-slot';

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FILTER_KEYS = ['from', 'to', 'preset', 'tz', 'bucket', 'team', 'user', 'client'];

/** The filters of the URL, or the reason they are refused. */
export async function readFilters(searchParams: SearchParams): Promise<{ filters: MetricsFilters; query: string } | { error: string }> {
  const raw = await searchParams;
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = raw[key];
    const v = Array.isArray(value) ? value[0] : value;
    if (v) params.set(key, v);
  }
  try {
    return { filters: parseFilters(params), query: params.toString() };
  } catch (error) {
    if (error instanceof AppError) {
      const issues = (error.details as { issues?: { path: string; message: string }[] } | undefined)?.issues;
      return { error: issues?.length ? `${error.message} ${issues.map((i) => `${i.path}: ${i.message}`).join(' ')}` : error.message };
    }
    throw error;
  }
}

export function FilterError({ message }: { message: string }) {
  return <Alert tone="error">These filters cannot be shown: {message}</Alert>;
}

/** The charts of a dashboard page, each streamed behind its own skeleton. */
export function ChartGrid({ actor, page, filters, query, charts, children }: { actor: Actor; page: DashboardPage; filters: MetricsFilters; query: string; charts?: ChartId[]; children?: ReactNode }) {
  const ids = charts ?? PAGE_CHARTS[page];
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {ids.map((id, i) => {
        const wide = i === 0 && CHARTS[id].kind === 'time';
        return (
          <Suspense key={`${id}?${query}`} fallback={<ChartSkeleton title={CHARTS[id].title} tall={wide} />}>
            <ChartSlot actor={actor} chart={id} filters={filters} query={query} wide={wide} />
          </Suspense>
        );
      })}
      {children}
    </div>
  );
}
