import { downloadTeamPolicy, recordDownload } from '@/lib/downloads/downloads';
import { fileResponse } from '@/lib/downloads/response';
import { apiRoute } from '@/lib/http/route';

// GET /api/v1/teams/{id}/download?format=<id>[&project=slug] — the team's (or project's) effective policy as a file.
export const GET = apiRoute<{ id: string }>('templates:read', async ({ request, actor, params }) => {
  const query = new URL(request.url).searchParams;
  const download = await downloadTeamPolicy(actor, params.id, { format: query.get('format'), project: query.get('project') });
  const response = fileResponse(request, download);
  if (response.status === 200) await recordDownload(actor, { type: 'team', id: params.id }, download, query.get('project') ? { project: query.get('project') } : {});
  return response;
});
