import { getChart } from '@/lib/analytics/charts';
import { apiRoute } from '@/lib/http/route';

// GET /api/v1/metrics/{chart}?from=&to=&team=&user=&client=&bucket=hour|day|week&tz= — one chart's series
export const GET = apiRoute<{ chart: string }>('reports:read', ({ request, actor, params }) => getChart(actor, params.chart, new URL(request.url).searchParams));
