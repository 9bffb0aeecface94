import { downloadTemplate, recordDownload } from '@/lib/downloads/downloads';
import { fileResponse } from '@/lib/downloads/response';
import { apiRoute } from '@/lib/http/route';

// GET /api/v1/templates/{id}/download?format=<id>[&version=N][&environment=production] — the file an agent reads.
export const GET = apiRoute<{ id: string }>('templates:read', async ({ request, actor, params }) => {
  const query = new URL(request.url).searchParams;
  const download = await downloadTemplate(actor, params.id, { format: query.get('format'), version: query.get('version'), environment: query.get('environment') });
  const response = fileResponse(request, download);
  if (response.status === 200) await recordDownload(actor, { type: 'policy_template', id: params.id }, download);
  return response;
});
