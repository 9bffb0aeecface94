import { readJsonBody } from '@/lib/http/body';
import { apiRoute } from '@/lib/http/route';
import { assignOrgPolicy, getOrgPolicy } from '@/lib/teams/teams';

// GET /api/v1/org/policy — the organization default (global layer), or null.
export const GET = apiRoute('templates:read', async ({ actor }) => ({ policy: await getOrgPolicy(actor) }));

// PUT /api/v1/org/policy {templateId, version?} — templateId null removes the default.
export const PUT = apiRoute('templates:write', async ({ request, actor }) => ({ policy: await assignOrgPolicy(actor, await readJsonBody(request)) }));
