import { readJsonBody } from '@/lib/http/body';
import { apiRoute } from '@/lib/http/route';
import { rollbackTemplate } from '@/lib/templates/templates';

// POST /api/v1/templates/{id}/rollback {toVersion, baseVersion} — a new version equal to an old one.
export const POST = apiRoute<{ id: string }>('templates:write', async ({ request, actor, params }) =>
  rollbackTemplate(actor, params.id, await readJsonBody(request)),
);
