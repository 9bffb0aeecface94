import { readJsonBody } from '@/lib/http/body';
import { apiRoute } from '@/lib/http/route';
import { assignTeamPolicy } from '@/lib/teams/teams';

// PUT /api/v1/teams/{id}/policy {templateId, version?} — the team layer (templateId null removes it).
export const PUT = apiRoute<{ id: string }>('templates:write', async ({ request, actor, params }) =>
  assignTeamPolicy(actor, params.id, await readJsonBody(request)),
);
