import { apiRoute } from '@/lib/http/route';
import { diffVersions } from '@/lib/templates/templates';

// GET /api/v1/templates/{id}/diff?from=1&to=2 — field-level changes between two versions.
export const GET = apiRoute<{ id: string }>('templates:read', async ({ request, actor, params }) => {
  const query = new URL(request.url).searchParams;
  return diffVersions(actor, params.id, query.get('from') ?? undefined, query.get('to') ?? undefined);
});
