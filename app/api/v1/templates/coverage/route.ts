import { readJson } from '@/lib/http/body';
import { apiRoute } from '@/lib/http/route';
import { checkCoverage } from '@/lib/policy/coverage';
import { coverageRequestSchema } from '@/lib/templates/schemas';

// POST /api/v1/templates/coverage {trustedCommands, commands} → {results} per command.
export const POST = apiRoute('templates:read', async ({ request }) => {
  const { trustedCommands, commands } = await readJson(request, coverageRequestSchema);
  return { results: commands.map((command) => checkCoverage(trustedCommands, command)) };
});
