import { readBodyBytes } from '@/lib/http/body';
import { apiRoute } from '@/lib/http/route';
import { importTemplateFile } from '@/lib/templates/import';

const MAX_IMPORT_BYTES = 1024 * 1024;

// POST /api/v1/templates/import?name=…[&templateId=…][&acknowledgeRisks=trust-all][&acknowledgeDroppedControls=1]
// Body: the raw file (≤ 1 MB). Headers: X-Filename, optional X-Format (otherwise detected).
// → {id, version, format, warnings, droppedControls, findings}: 201 for a new template, 200 for a
// new version; 400 `dropped_controls` (details.droppedControls, most severe first) when the file
// loses a security control and acknowledgeDroppedControls is not set.
export const POST = apiRoute('templates:write', async ({ request, actor }) => {
  const query = new URL(request.url).searchParams;
  const bytes = await readBodyBytes(request, MAX_IMPORT_BYTES);
  const outcome = await importTemplateFile(actor, {
    bytes,
    fileName: request.headers.get('x-filename'),
    format: request.headers.get('x-format'),
    name: query.get('name'),
    templateId: query.get('templateId'),
    acknowledgeRisks: query.getAll('acknowledgeRisks'),
    acknowledgeDroppedControls: ['1', 'true'].includes(query.get('acknowledgeDroppedControls') ?? ''),
  });
  const { created, ...body } = outcome;
  return Response.json(body, { status: created ? 201 : 200 });
});
