import { deleteUpload, getUpload } from '@/lib/ingest/uploads';
import { apiRoute } from '@/lib/http/route';

// GET /api/v1/uploads/{id} — counts, first errors, the first records (prompt text only with prompts:read).
export const GET = apiRoute<{ id: string }>(['events:write', 'reports:read'], async ({ actor, params }) => getUpload(actor, params.id), { session: true });

// DELETE /api/v1/uploads/{id} — owners/admins: the records, findings and their share of the rollups.
export const DELETE = apiRoute<{ id: string }>(
  'events:write',
  async ({ actor, params }) => {
    await deleteUpload(actor, params.id);
    return new Response(null, { status: 204 });
  },
  { session: true },
);
