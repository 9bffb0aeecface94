import { drillDown } from '@/lib/analytics/drill';
import { apiRoute } from '@/lib/http/route';

// GET /api/v1/metrics/{chart}/records?x=&series=&cursor=&limit= (+ the chart's filters) — the records behind a point
export const GET = apiRoute<{ chart: string }>('reports:read', ({ request, actor, params }) => drillDown(actor, params.chart, new URL(request.url).searchParams));
