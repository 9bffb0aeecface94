import { serveTemplateDownload } from '@/lib/downloads/serve';
import { sessionRoute } from '@/lib/http/route';

// GET /downloads/templates/{id}?format=…[&version=N] — the console's download link (session cookie).
export const GET = sessionRoute<{ id: string }>(serveTemplateDownload);
