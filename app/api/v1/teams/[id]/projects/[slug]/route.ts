import { readJsonBody } from '@/lib/http/body';
import { apiRoute } from '@/lib/http/route';
import { deleteProject, getProjectOverrides, setProjectOverrides } from '@/lib/teams/teams';

type Params = { id: string; slug: string };

// GET /api/v1/teams/{id}/projects/{slug}
export const GET = apiRoute<Params>('templates:read', async ({ actor, params }) => getProjectOverrides(actor, params.id, params.slug));

// PUT /api/v1/teams/{id}/projects/{slug} {overrides, acknowledgeRisks?} — creates or replaces the project layer
// (the same validation, lint and acknowledgements as a template save).
export const PUT = apiRoute<Params>('templates:write', async ({ request, actor, params }) =>
  setProjectOverrides(actor, params.id, params.slug, await readJsonBody(request)),
);

// DELETE /api/v1/teams/{id}/projects/{slug} → 204
export const DELETE = apiRoute<Params>('templates:write', async ({ actor, params }) => {
  await deleteProject(actor, params.id, params.slug);
  return new Response(null, { status: 204 });
});
