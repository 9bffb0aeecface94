import { apiRoute } from '@/lib/http/route';
import { auditReportResponse } from '@/lib/reports/response';

// GET /api/v1/reports/audit?from=&to=&preset=&team=&format=html|pdf|csv|json — the audit report (writes report.generated)
export const GET = apiRoute('reports:read', ({ request, actor }) => auditReportResponse(actor, new URL(request.url).searchParams, { viewBase: '/api/v1/reports/audit' }), { session: true });
