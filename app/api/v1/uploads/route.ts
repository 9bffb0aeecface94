import { streamedUpload, uploadInput } from '@/lib/ingest/http';
import { ingestUpload } from '@/lib/ingest/pipeline';
import { listUploads } from '@/lib/ingest/uploads';
import { apiRoute, errorResponse } from '@/lib/http/route';

// The body is read as a stream, never buffered: keep this route dynamic and on Node.js.
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

// POST /api/v1/uploads?team=<slug>[&mode=strict][&format=…]  raw file body (gzip ok), X-Filename
// → 201 {uploadId, format, team, accepted, duplicates, rejected, errors, privacyFindings, …}.
// With Accept: application/x-ndjson (the console) the answer streams progress lines first.
export const POST = apiRoute(
  'events:write',
  async ({ request, actor }) => {
    const input = uploadInput(request);
    if ((request.headers.get('accept') ?? '').includes('application/x-ndjson')) return streamedUpload(actor, input);
    try {
      return Response.json(await ingestUpload(actor, input), { status: 201, headers: { 'Cache-Control': 'no-store' } });
    } catch (error) {
      // Refused before the whole body was read (a cap, junk): the rest of it is never read, so
      // the connection cannot be reused for another request.
      const response = errorResponse(error);
      response.headers.set('Connection', 'close');
      return response;
    }
  },
  { session: true },
);

// GET /api/v1/uploads[?limit=25&before=<cursor>] — newest first.
export const GET = apiRoute(
  ['events:write', 'reports:read'],
  async ({ request, actor }) => {
    const query = new URL(request.url).searchParams;
    return listUploads(actor, { limit: query.get('limit'), before: query.get('before') });
  },
  { session: true },
);
