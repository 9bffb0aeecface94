import { apiRoute } from '@/lib/http/route';
import { purgeTemplateSecrets } from '@/lib/templates/templates';

// POST /api/v1/templates/{id}/purge-secrets — owners/admins: redacts the literal secrets of every
// stored version that holds one (audited) → {versions: [numbers of the purged versions]}.
export const POST = apiRoute<{ id: string }>('templates:write', async ({ actor, params }) => purgeTemplateSecrets(actor, params.id));
