import { auditLogExportResponse, jsonEntry } from '@/lib/audit/export';
import { auditLogQuery, parseAuditLogFilters } from '@/lib/audit/filters';
import { searchAuditLog } from '@/lib/audit/queries';
import { apiRoute } from '@/lib/http/route';

// GET /api/v1/audit-log?actor=&action=&target=&from=&to=&q=&cursor=&limit= → {entries, nextCursor}
// With format=csv|json: every row matching the filters as a download (streamed).
// Scope audit:read (owners, admins, auditors); the console's export link sends the session cookie.
export const GET = apiRoute(
  'audit:read',
  async ({ request, actor }) => {
    const params = new URL(request.url).searchParams;
    const filters = parseAuditLogFilters(params);
    if (filters.format) return auditLogExportResponse(actor, filters, filters.format, auditLogQuery(params));
    const page = await searchAuditLog(actor, filters);
    return { entries: page.entries.map(jsonEntry), nextCursor: page.nextCursor };
  },
  { session: true },
);
