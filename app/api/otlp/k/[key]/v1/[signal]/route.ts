import { handleOtlpExport, isOtlpSignal } from '@/lib/otlp/receiver/handle';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

// POST /api/otlp/k/{key}/v1/{logs|metrics|traces}: the key in the path, for clients that cannot
// send headers (Gemini CLI's telemetry.otlpEndpoint).
export async function POST(request: Request, context: { params: Promise<{ key: string; signal: string }> }): Promise<Response> {
  const { key, signal } = await context.params;
  if (!isOtlpSignal(signal)) return new Response(null, { status: 404 });
  return handleOtlpExport(request, signal, key);
}
