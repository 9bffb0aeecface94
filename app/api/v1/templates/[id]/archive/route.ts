import { apiRoute } from '@/lib/http/route';
import { archiveTemplate, getTemplate } from '@/lib/templates/templates';

// POST /api/v1/templates/{id}/archive — only when no team and no organization default uses it (409).
export const POST = apiRoute<{ id: string }>('templates:write', async ({ actor, params }) => {
  await archiveTemplate(actor, params.id);
  return getTemplate(actor, params.id);
});
