import { apiRoute } from '@/lib/http/route';
import { listTemplates } from '@/lib/templates/queries';

// GET /api/v1/templates — the organization's policy templates.
export const GET = apiRoute('templates:read', async ({ actor }) => listTemplates(actor));
