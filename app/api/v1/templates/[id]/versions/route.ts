import { apiRoute } from '@/lib/http/route';
import { listVersions } from '@/lib/templates/templates';

// GET /api/v1/templates/{id}/versions — newest first.
export const GET = apiRoute<{ id: string }>('templates:read', async ({ actor, params }) => listVersions(actor, params.id));
