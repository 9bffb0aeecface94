import { isDatabaseUp } from '@/lib/health';

export const dynamic = 'force-dynamic';

// GET /api/v1/health — liveness and database reachability, no authentication.
export async function GET(): Promise<Response> {
  const up = await isDatabaseUp();
  return Response.json(
    { status: up ? 'ok' : 'degraded', db: up ? 'ok' : 'down' },
    { status: up ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
