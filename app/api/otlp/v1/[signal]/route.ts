import { handleOtlpExport, isOtlpSignal } from '@/lib/otlp/receiver/handle';

// OTLP/HTTP receiver: an agent's OTEL_EXPORTER_OTLP_ENDPOINT is <PILOTLIGHT_PUBLIC_URL>/api/otlp.
// Outside proxy.ts's matcher (it would buffer the body); read as a stream on Node.js.
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

// POST /api/otlp/v1/{logs|metrics|traces}, Authorization: Bearer <team ingest key>
export async function POST(request: Request, context: { params: Promise<{ signal: string }> }): Promise<Response> {
  const { signal } = await context.params;
  if (!isOtlpSignal(signal)) return new Response(null, { status: 404 });
  return handleOtlpExport(request, signal);
}
