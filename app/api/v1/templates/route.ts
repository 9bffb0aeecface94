import { readJsonBody } from '@/lib/http/body';
import { apiRoute } from '@/lib/http/route';
import { createTemplate, listTemplates } from '@/lib/templates/templates';

// GET /api/v1/templates — the organization's templates (?archived=1 includes archived ones).
export const GET = apiRoute('templates:read', async ({ request, actor }) =>
  listTemplates(actor, { includeArchived: new URL(request.url).searchParams.get('archived') === '1' }),
);

// POST /api/v1/templates {name, description?, settings? | preset?, note?, acknowledgeRisks?} → 201 with version 1.
export const POST = apiRoute('templates:write', async ({ request, actor }) =>
  Response.json(await createTemplate(actor, await readJsonBody(request)), { status: 201 }),
);
