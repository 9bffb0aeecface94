import { importIdentities, listIdentities } from '@/lib/ingest/identities';
import { readBodyBytes } from '@/lib/http/body';
import { apiRoute } from '@/lib/http/route';

const MAX_IDENTITY_MAP_BYTES = 16 * 1024 * 1024;

// POST /api/v1/identities  CSV body `userId,email,team` → {imported, movedRecords}
export const POST = apiRoute('events:write', async ({ request, actor }) => importIdentities(actor, await readBodyBytes(request, MAX_IDENTITY_MAP_BYTES)), { session: true });

// GET /api/v1/identities — the first 500 entries and the total.
export const GET = apiRoute(['events:write', 'reports:read'], async ({ actor }) => listIdentities(actor), { session: true });
