import { OtlpDecodeError } from './errors';
import { mapLogsRequest, mapMetricsRequest } from './mapping';
import { decodeLogsProtobuf, decodeMetricsProtobuf } from './proto';
import type { DecodedLogs, DecodedMetrics } from './types';

export { OtlpDecodeError } from './errors';
export type { OtlpDecodeErrorCode } from './errors';
export type * from './types';

export type OtlpEncoding = 'json' | 'protobuf';

/** `application/json` / `application/x-protobuf` (parameters and case ignored) → encoding, else null (415). */
export function encodingOf(contentType: string | null | undefined): OtlpEncoding | null {
  const mime = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mime === 'application/json') return 'json';
  if (mime === 'application/x-protobuf' || mime === 'application/protobuf') return 'protobuf';
  return null;
}

function parseJson(body: Uint8Array): unknown {
  if (body.length === 0) return {};
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new OtlpDecodeError('invalid_json', 'body is not UTF-8');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new OtlpDecodeError('invalid_json', `body is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Decodes an (already decompressed) OTLP/HTTP `/v1/logs` body. An empty body is an empty request
 * (the spec says to answer success). Throws OtlpDecodeError for anything undecodable.
 */
export function decodeLogs(body: Uint8Array, encoding: OtlpEncoding): DecodedLogs {
  return mapLogsRequest(encoding === 'json' ? parseJson(body) : decodeLogsProtobuf(body));
}

/** Decodes an (already decompressed) OTLP/HTTP `/v1/metrics` body; see decodeLogs. */
export function decodeMetrics(body: Uint8Array, encoding: OtlpEncoding): DecodedMetrics {
  return mapMetricsRequest(encoding === 'json' ? parseJson(body) : decodeMetricsProtobuf(body));
}
