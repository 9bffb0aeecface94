import { readJson } from '@/lib/http/body';
import { apiRoute } from '@/lib/http/route';
import { lintSettings } from '@/lib/policy/lint';
import { completeSettings } from '@/lib/policy/merge';
import { lintRequestSchema } from '@/lib/templates/schemas';

// POST /api/v1/templates/lint {settings, environment?} → {findings} (environment defaults to development).
export const POST = apiRoute('templates:read', async ({ request }) => {
  const { settings, environment } = await readJson(request, lintRequestSchema);
  return { findings: lintSettings(completeSettings(settings), { environment: environment ?? 'development' }) };
});
