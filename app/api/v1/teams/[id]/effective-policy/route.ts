import { apiRoute } from '@/lib/http/route';
import { getEffectivePolicy } from '@/lib/teams/effective';

// GET /api/v1/teams/{id}/effective-policy[?project=slug] → {settings, provenance, findings, layers}
export const GET = apiRoute<{ id: string }>('templates:read', async ({ request, actor, params }) =>
  getEffectivePolicy(actor, params.id, new URL(request.url).searchParams.get('project')),
);
