import { serveTemplateDownload } from '@/lib/downloads/serve';
import { apiRoute } from '@/lib/http/route';

// GET /api/v1/templates/{id}/download?format=<id>[&version=N][&environment=production] — the file an agent reads.
export const GET = apiRoute<{ id: string }>('templates:read', serveTemplateDownload);
