import { readBodyBytes } from '@/lib/http/body';
import { parseJsonText } from '@/lib/http/json';
import { apiRoute } from '@/lib/http/route';
import { rotateIngestKey } from '@/lib/ingest-keys/keys';

// POST /api/v1/teams/{id}/ingest-keys/{keyId}/rotate [{graceMinutes}] → {…, key}; the old key works for the grace period
export const POST = apiRoute<{ id: string; keyId: string }>('templates:write', async ({ request, actor, params }) => {
  const text = (await readBodyBytes(request, 64 * 1024)).toString('utf8');
  return rotateIngestKey(actor, params.id, params.keyId, text.trim() ? parseJsonText(text) : {});
});
