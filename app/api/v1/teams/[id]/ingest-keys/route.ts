import { readJsonBody } from '@/lib/http/body';
import { apiRoute } from '@/lib/http/route';
import { createIngestKey, listIngestKeys } from '@/lib/ingest-keys/keys';

// GET /api/v1/teams/{id}/ingest-keys (owners and admins) → [{id, name, prefix, lastUsedAt, …}]
export const GET = apiRoute<{ id: string }>('templates:write', async ({ actor, params }) => listIngestKeys(actor, params.id));

// POST /api/v1/teams/{id}/ingest-keys {name} → 201 {id, key, …}
export const POST = apiRoute<{ id: string }>('templates:write', async ({ request, actor, params }) =>
  Response.json(await createIngestKey(actor, params.id, await readJsonBody(request)), { status: 201, headers: { 'Cache-Control': 'no-store' } }),
);
