import { readJsonBody } from '@/lib/http/body';
import { apiRoute } from '@/lib/http/route';
import { rollbackTemplate } from '@/lib/templates/templates';

// POST /api/v1/templates/{id}/rollback {toVersion, baseVersion, acknowledgeRisks?} — a new version equal to an old one,
// through the same risk gate as any save.
export const POST = apiRoute<{ id: string }>('templates:write', async ({ request, actor, params }) =>
  rollbackTemplate(actor, params.id, await readJsonBody(request)),
);
