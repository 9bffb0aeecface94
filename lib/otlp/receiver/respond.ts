import protobuf from 'protobufjs';
import type { OtlpEncoding } from '../decode';

/**
 * OTLP/HTTP answers (opentelemetry-proto docs/specification.md "OTLP/HTTP Response"), in the
 * request's encoding: success is an Export*ServiceResponse (`{}` / empty bytes), a partial
 * success names how many were rejected and why (the client must not retry), every error is a
 * google.rpc.Status. Protobuf is written by hand: two tiny messages need no schema.
 */
export type OtlpSignal = 'logs' | 'metrics' | 'traces';

const REJECTED_FIELD: Record<OtlpSignal, string> = { logs: 'rejectedLogRecords', metrics: 'rejectedDataPoints', traces: 'rejectedSpans' };

const CONTENT_TYPE: Record<OtlpEncoding, string> = { json: 'application/json', protobuf: 'application/x-protobuf' };

function respond(encoding: OtlpEncoding, status: number, body: Uint8Array | string, headers: Record<string, string> = {}): Response {
  return new Response(body as BodyInit, { status, headers: { 'Content-Type': CONTENT_TYPE[encoding], 'Cache-Control': 'no-store', ...headers } });
}

export function otlpSuccess(encoding: OtlpEncoding, signal: OtlpSignal, rejected = 0, errorMessage = ''): Response {
  if (rejected === 0 && errorMessage === '') return respond(encoding, 200, encoding === 'json' ? '{}' : new Uint8Array(0));
  if (encoding === 'json') {
    return respond(encoding, 200, JSON.stringify({ partialSuccess: { [REJECTED_FIELD[signal]]: String(rejected), errorMessage } }));
  }
  // Export*PartialSuccess { int64 rejected_* = 1; string error_message = 2; } in field 1 of the response.
  const inner = protobuf.Writer.create().uint32(8).int64(rejected).uint32(18).string(errorMessage).finish();
  return respond(encoding, 200, protobuf.Writer.create().uint32(10).bytes(inner).finish());
}

/** gRPC status codes used in Status.code. */
const GRPC_CODE: Record<number, number> = { 400: 3, 401: 16, 404: 5, 413: 8, 415: 3, 429: 8, 500: 13, 503: 14 };

export function otlpError(encoding: OtlpEncoding, status: number, message: string, headers: Record<string, string> = {}): Response {
  const code = GRPC_CODE[status] ?? 2;
  if (encoding === 'json') return respond(encoding, status, JSON.stringify({ code, message }), headers);
  // google.rpc.Status { int32 code = 1; string message = 2; }
  return respond(encoding, status, protobuf.Writer.create().uint32(8).int32(code).uint32(18).string(message).finish(), headers);
}
