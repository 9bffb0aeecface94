import 'server-only';
import type { Actor } from '@/lib/auth/permissions';
import { errorResponse } from '@/lib/http/route';
import { ingestUpload, type UploadInput } from './pipeline';

/** A request body as chunks; cancels the body if the consumer stops early (limit, error). */
export async function* requestChunks(request: Request): AsyncGenerator<Uint8Array> {
  if (!request.body) return;
  const reader = request.body.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => {});
  }
}

/** The upload parameters of POST /api/v1/uploads?team=&mode=&format= with X-Filename. */
export function uploadInput(request: Request): UploadInput {
  const query = new URL(request.url).searchParams;
  const length = Number(request.headers.get('content-length') ?? NaN);
  const fileName = request.headers.get('x-filename');
  return {
    body: requestChunks(request),
    fileName: fileName ? safeDecode(fileName) : null,
    team: query.get('team'),
    mode: query.get('mode'),
    format: query.get('format'),
    declaredBytes: Number.isFinite(length) ? length : null,
  };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * For the console (Accept: application/x-ndjson): the same upload, answered as a stream of
 * lines — {"progress":{bytes, records}} while records are processed, then one line with the
 * final {"status", "result"} or {"status", "error"}. The HTTP status is 200 once streaming starts.
 */
export function streamedUpload(actor: Actor, input: UploadInput): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      try {
        const result = await ingestUpload(actor, { ...input, onProgress: (progress) => send({ progress }) });
        send({ status: 201, result });
      } catch (error) {
        const response = errorResponse(error);
        send({ status: response.status, ...((await response.json()) as object) });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, { status: 200, headers: { 'Content-Type': 'application/x-ndjson', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' } });
}
