import { publicRoute } from '@/lib/http/route';
import { auditReportJsonSchema } from '@/lib/reports/model';

// GET /api/v1/reports/audit/schema.json — the JSON Schema of format=json (public: it is documentation, no data)
export const GET = publicRoute(async () => Response.json(auditReportJsonSchema(), { headers: { 'Cache-Control': 'public, max-age=3600', 'Content-Type': 'application/schema+json' } }));
