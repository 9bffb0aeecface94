import { serveTeamDownload } from '@/lib/downloads/serve';
import { apiRoute } from '@/lib/http/route';

// GET /api/v1/teams/{id}/download?format=<id>[&project=slug] — the team's (or project's) effective policy as a file.
export const GET = apiRoute<{ id: string }>('templates:read', serveTeamDownload);
