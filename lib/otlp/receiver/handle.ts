import 'server-only';
import { scopesForRole, type Actor } from '@/lib/auth/permissions';
import type { EventPolicy } from '@/lib/ingest/context';
import { eventPolicyFor } from '@/lib/ingest/event-policy';
import { authenticateIngestKey, bearerIngestKey, type IngestKeyIdentity } from '@/lib/ingest-keys/authenticate';
import { decodeLogs, decodeMetrics, encodingOf, OtlpDecodeError, type OtlpEncoding } from '../decode';
import { normaliseLogs } from '../normalise';
import { OtlpBodyEncodingError, OtlpBodyTooLargeError, readOtlpBody } from './body';
import { acquireSlot, receiverLimits, SaturatedError } from './limits';
import { mapNormalisedLogs, streamContext } from './map';
import { otlpError, otlpSuccess, type OtlpSignal } from './respond';
import { submitExport, type StreamRef } from './store';

export const OTLP_SIGNALS: readonly OtlpSignal[] = ['logs', 'metrics', 'traces'];

export function isOtlpSignal(value: string): value is OtlpSignal {
  return (OTLP_SIGNALS as readonly string[]).includes(value);
}

/** Effective policies change rarely and are read for every export: kept for a few seconds per team. */
const POLICY_TTL_MS = 10_000;
const policies = new Map<string, { policy: Promise<EventPolicy>; expires: number }>();

function policyOf(identity: IngestKeyIdentity): Promise<EventPolicy> {
  const hit = policies.get(identity.teamId);
  if (hit && hit.expires > Date.now()) return hit.policy;
  // The key reads the policy it is judged by, nothing else (a read-only stand-in actor).
  const reader: Actor = { kind: 'token', userId: '00000000-0000-0000-0000-000000000000', tokenId: identity.keyId, orgId: identity.orgId, role: 'AUDITOR', scopes: scopesForRole('AUDITOR'), label: `ingest key ${identity.prefix}` };
  const policy = eventPolicyFor(reader, identity.teamId);
  if (policies.size > 10_000) policies.clear();
  policies.set(identity.teamId, { policy, expires: Date.now() + POLICY_TTL_MS });
  policy.catch(() => policies.delete(identity.teamId));
  return policy;
}

/**
 * POST /api/otlp/v1/{logs,metrics,traces} (key in `Authorization: Bearer`) and
 * /api/otlp/k/{key}/v1/… (key in the path). Authenticates first (401 before reading a byte),
 * then reads the body within the bounds of lib/otlp/receiver/limits.ts, decodes, maps and
 * stores logs; metrics are decoded and validated; traces are accepted and dropped.
 */
export async function handleOtlpExport(request: Request, signal: OtlpSignal, pathKey: string | null = null): Promise<Response> {
  const encoding = encodingOf(request.headers.get('content-type'));
  if (!encoding) return otlpError('json', 415, 'Send Content-Type application/json or application/x-protobuf.');
  const limits = receiverLimits();
  let slot: ReturnType<typeof acquireSlot> | null = null;
  try {
    const identity = await authenticateIngestKey(pathKey ?? bearerIngestKey(request.headers.get('authorization')));
    if (!identity) return otlpError(encoding, 401, 'A valid ingest key is required (Authorization: Bearer <key>, or /api/otlp/k/<key>/v1/…); it may have been revoked.');
    slot = acquireSlot(limits);
    const declared = Number(request.headers.get('content-length') ?? NaN);
    const body = await readOtlpBody(request.body, request.headers.get('content-encoding'), limits.maxBodyBytes, slot.budget, Number.isFinite(declared) ? declared : null);
    if (signal === 'traces') return otlpSuccess(encoding, signal);
    if (signal === 'metrics') {
      decodeMetrics(body, encoding);
      return otlpSuccess(encoding, signal);
    }
    return await storeLogs(identity, body, encoding, limits);
  } catch (error) {
    return failure(encoding, error, limits.retryAfterSeconds);
  } finally {
    slot?.release();
  }
}

async function storeLogs(identity: IngestKeyIdentity, body: Uint8Array, encoding: OtlpEncoding, limits: ReturnType<typeof receiverLimits>): Promise<Response> {
  const decoded = decodeLogs(body, encoding);
  const normalised = normaliseLogs(decoded);
  const stream: StreamRef = { keyId: identity.keyId, orgId: identity.orgId, teamId: identity.teamId, name: identity.name, prefix: identity.prefix };
  const mapped = mapNormalisedLogs(normalised, streamContext(stream, await policyOf(identity)));
  if (mapped.rows.length || mapped.rejectedRecords) {
    await submitExport({ stream, rows: mapped.rows, rejected: mapped.rejectedRecords, bytes: body.byteLength }, limits);
  }
  const message = mapped.rejectedRecords ? `${mapped.rejectedRecords} log record(s) rejected: ${mapped.errors.join('; ')}` : '';
  return otlpSuccess(encoding, 'logs', mapped.rejectedRecords, message);
}

function failure(encoding: OtlpEncoding, error: unknown, retryAfterSeconds: number): Response {
  if (error instanceof OtlpDecodeError) return otlpError(encoding, 400, error.message);
  if (error instanceof OtlpBodyTooLargeError) return otlpError(encoding, 413, error.message);
  if (error instanceof OtlpBodyEncodingError) return otlpError(encoding, error.unsupported ? 415 : 400, error.message);
  if (error instanceof SaturatedError) return otlpError(encoding, error.status, error.message, { 'Retry-After': String(retryAfterSeconds) });
  console.error('OTLP export failed', error);
  // 503 lets the exporter retry (the database unreachable or too slow to connect, say); nothing was stored.
  return otlpError(encoding, 503, 'The export could not be stored; retry later.', { 'Retry-After': String(retryAfterSeconds) });
}
