import { serveTeamDownload } from '@/lib/downloads/serve';
import { sessionRoute } from '@/lib/http/route';

// GET /downloads/teams/{id}?format=…[&project=slug] — the console's download link (session cookie).
export const GET = sessionRoute<{ id: string }>(serveTeamDownload);
