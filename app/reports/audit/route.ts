import { getCurrentUser } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/route';
import { auditReportResponse } from '@/lib/reports/response';

/**
 * The console's printable view (and downloads) of the audit report: GET /reports/audit?…, outside
 * the console layout so "Print" shows the report alone. A request the report refuses (bad
 * period, unknown team) goes back to the Reports form with the message and the input kept.
 */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const current = await getCurrentUser();
  if (!current) return Response.redirect(new URL(`/login?callbackUrl=${encodeURIComponent(url.pathname + url.search)}`, url), 303);
  try {
    return await auditReportResponse(current.actor, url.searchParams, { viewBase: '/reports/audit' });
  } catch (error) {
    if (!(error instanceof AppError) || error.status === 401) return errorResponse(error);
    const back = new URLSearchParams(url.searchParams);
    back.set('error', error.message);
    return Response.redirect(new URL(`/reports?${back.toString()}`, url), 303);
  }
}
