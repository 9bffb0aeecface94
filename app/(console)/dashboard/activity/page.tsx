import { requireUser } from '@/lib/auth/session';
import { ChartGrid, FilterError, readFilters, type SearchParams } from '../view';

export const metadata = { title: 'Dashboard · Activity' };
export const dynamic = 'force-dynamic';

export default async function ActivityDashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireUser();
  const read = await readFilters(searchParams);
  if ('error' in read) return <FilterError message={read.error} />;
  return <ChartGrid actor={actor} page="activity" filters={read.filters} query={read.query} />;
}
