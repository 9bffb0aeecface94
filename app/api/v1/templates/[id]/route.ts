import { readJsonBody } from '@/lib/http/body';
import { apiRoute } from '@/lib/http/route';
import { getTemplate, saveTemplateVersion } from '@/lib/templates/templates';

// GET /api/v1/templates/{id}[?version=N] — a template with its latest (or the given) version.
export const GET = apiRoute<{ id: string }>('templates:read', async ({ request, actor, params }) => {
  const version = new URL(request.url).searchParams.get('version');
  return getTemplate(actor, params.id, version === null ? {} : { version });
});

// PUT /api/v1/templates/{id} {settings, note?, baseVersion, acknowledgeRisks?} → the new version, or 409 when stale.
export const PUT = apiRoute<{ id: string }>('templates:write', async ({ request, actor, params }) =>
  saveTemplateVersion(actor, params.id, await readJsonBody(request)),
);
