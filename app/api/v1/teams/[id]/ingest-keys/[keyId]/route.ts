import { apiRoute } from '@/lib/http/route';
import { revealIngestKey, revokeIngestKey } from '@/lib/ingest-keys/keys';

// GET /api/v1/teams/{id}/ingest-keys/{keyId} (owners and admins) → {…, key}: shown again, audited
export const GET = apiRoute<{ id: string; keyId: string }>('templates:write', async ({ actor, params }) => revealIngestKey(actor, params.id, params.keyId));

// DELETE /api/v1/teams/{id}/ingest-keys/{keyId} → 204 (revoked at once, with any previous key in grace)
export const DELETE = apiRoute<{ id: string; keyId: string }>('templates:write', async ({ actor, params }) => {
  await revokeIngestKey(actor, params.id, params.keyId);
  return new Response(null, { status: 204 });
});
