import { readJsonBody } from '@/lib/http/body';
import { apiRoute } from '@/lib/http/route';
import { deleteTeam, getTeam, updateTeam } from '@/lib/teams/teams';

// GET /api/v1/teams/{id}
export const GET = apiRoute<{ id: string }>('templates:read', async ({ actor, params }) => getTeam(actor, params.id));

// PATCH /api/v1/teams/{id} {name?, slug?, environment?}
export const PATCH = apiRoute<{ id: string }>('templates:write', async ({ request, actor, params }) =>
  updateTeam(actor, params.id, await readJsonBody(request)),
);

// DELETE /api/v1/teams/{id} (owners and admins) → 204
export const DELETE = apiRoute<{ id: string }>('templates:write', async ({ actor, params }) => {
  await deleteTeam(actor, params.id);
  return new Response(null, { status: 204 });
});
