import { readJsonBody } from '@/lib/http/body';
import { apiRoute } from '@/lib/http/route';
import { createTeam, listTeams } from '@/lib/teams/teams';

// GET /api/v1/teams
export const GET = apiRoute('templates:read', async ({ actor }) => listTeams(actor));

// POST /api/v1/teams {name, slug, environment} → 201
export const POST = apiRoute('templates:write', async ({ request, actor }) =>
  Response.json(await createTeam(actor, await readJsonBody(request)), { status: 201 }),
);
