import { requireUser } from '@/lib/auth/session';
import { ChartGrid, FilterError, readFilters, type SearchParams } from '../view';

export const metadata = { title: 'Dashboard · Prompts' };
export const dynamic = 'force-dynamic';

export default async function PromptsDashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireUser();
  const read = await readFilters(searchParams);
  if ('error' in read) return <FilterError message={read.error} />;
  return <ChartGrid actor={actor} page="prompts" filters={read.filters} query={read.query} />;
}
