import zlib from 'node:zlib';
import protobuf from 'protobufjs';
import { afterEach, describe, expect, it } from 'vitest';
import { decryptIngestKey, encryptIngestKey, generateIngestKey, hashIngestKey, isWellFormedIngestKey, MissingServerSecretError, sameHash } from '@/lib/ingest-keys/crypto';
import { bearerIngestKey } from '@/lib/ingest-keys/authenticate';
import { OtlpBodyEncodingError, OtlpBodyTooLargeError, readOtlpBody } from '@/lib/otlp/receiver/body';
import { acquireSlot, receiverLimits, SaturatedError } from '@/lib/otlp/receiver/limits';
import { telemetryEventOf } from '@/lib/otlp/receiver/map';
import { otlpError, otlpSuccess } from '@/lib/otlp/receiver/respond';
import type { NormalisedEvent } from '@/lib/otlp/normalise';

const streamOf = (...chunks: Uint8Array[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });

describe('ingest key crypto', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env.NEXTAUTH_SECRET = saved.NEXTAUTH_SECRET;
    process.env.PILOTLIGHT_INGEST_KEY_SECRET = saved.PILOTLIGHT_INGEST_KEY_SECRET;
    if (saved.NEXTAUTH_SECRET === undefined) delete process.env.NEXTAUTH_SECRET;
    if (saved.PILOTLIGHT_INGEST_KEY_SECRET === undefined) delete process.env.PILOTLIGHT_INGEST_KEY_SECRET;
  });

  it('generates well-formed distinct keys with a 12-character prefix and their sha256', () => {
    const a = generateIngestKey();
    const b = generateIngestKey();
    expect(isWellFormedIngestKey(a.key)).toBe(true);
    expect(a.key).not.toBe(b.key);
    expect(a.prefix).toBe(a.key.slice(0, 12));
    expect(a.hash).toBe(hashIngestKey(a.key));
    expect(isWellFormedIngestKey(`plt_${a.key.slice(4)}`)).toBe(false);
    expect(isWellFormedIngestKey(`${a.key}x`)).toBe(false);
  });

  it('AES-256-GCM round trip, bound to the key id and the server secret; tampering yields null', () => {
    process.env.NEXTAUTH_SECRET = 'one secret';
    const { key } = generateIngestKey();
    const sealed = encryptIngestKey(key, 'id-1');
    expect(sealed).not.toContain(key.slice(4));
    expect(encryptIngestKey(key, 'id-1')).not.toBe(sealed); // a fresh IV each time
    expect(decryptIngestKey(sealed, 'id-1')).toBe(key);
    expect(decryptIngestKey(sealed, 'id-2')).toBeNull();
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3]!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(decryptIngestKey([parts[0], parts[1], parts[2], flipped.toString('base64url')].join('.'), 'id-1')).toBeNull();
    expect(decryptIngestKey('v2.x.y.z', 'id-1')).toBeNull();
    process.env.NEXTAUTH_SECRET = 'another secret';
    expect(decryptIngestKey(sealed, 'id-1')).toBeNull();
    process.env.PILOTLIGHT_INGEST_KEY_SECRET = 'one secret';
    expect(decryptIngestKey(sealed, 'id-1')).toBe(key);
  });

  it('without any server secret it refuses to encrypt or decrypt', () => {
    delete process.env.NEXTAUTH_SECRET;
    delete process.env.PILOTLIGHT_INGEST_KEY_SECRET;
    expect(() => encryptIngestKey('pli_x', 'id')).toThrow(MissingServerSecretError);
    expect(() => decryptIngestKey('v1.a.b.c', 'id')).toThrow(MissingServerSecretError);
  });

  it('compares hashes in constant time (equal length required) and parses bearer headers', () => {
    const h = hashIngestKey('pli_a');
    expect(sameHash(h, h)).toBe(true);
    expect(sameHash(h, hashIngestKey('pli_b'))).toBe(false);
    expect(sameHash(h, h.slice(0, 10))).toBe(false);
    expect(sameHash('', '')).toBe(false);
    expect(bearerIngestKey('Bearer pli_abc')).toBe('pli_abc');
    expect(bearerIngestKey('  bearer   pli_abc ')).toBe('pli_abc');
    expect(bearerIngestKey('Basic abc')).toBeNull();
    expect(bearerIngestKey(null)).toBeNull();
  });
});

describe('OTLP body reader', () => {
  it('reads plain and gzip bodies in any chunking', async () => {
    const text = Buffer.from('{"resourceLogs":[]}');
    expect(Buffer.from(await readOtlpBody(streamOf(text.subarray(0, 3), text.subarray(3)), null)).toString()).toBe(text.toString());
    const gz = zlib.gzipSync(text);
    const pieces = Array.from(gz, (byte) => new Uint8Array([byte]));
    expect(Buffer.from(await readOtlpBody(streamOf(...pieces), 'gzip')).toString()).toBe(text.toString());
    expect((await readOtlpBody(null, null)).length).toBe(0);
  });

  it('stops at the cap counting decompressed bytes; refuses bad gzip and unknown encodings', async () => {
    await expect(readOtlpBody(streamOf(new Uint8Array(101)), null, 100)).rejects.toBeInstanceOf(OtlpBodyTooLargeError);
    // Content-Length over the cap: refused without reading (the stream would error if read).
    const unread = new ReadableStream<Uint8Array>({ pull: () => Promise.reject(new Error('read')) });
    await expect(readOtlpBody(unread, null, 100, undefined, 101)).rejects.toBeInstanceOf(OtlpBodyTooLargeError);
    const bomb = zlib.gzipSync(Buffer.alloc(10 * 1024 * 1024));
    await expect(readOtlpBody(streamOf(bomb), 'gzip', 1024 * 1024)).rejects.toBeInstanceOf(OtlpBodyTooLargeError);
    await expect(readOtlpBody(streamOf(Buffer.from('plain')), 'gzip')).rejects.toBeInstanceOf(OtlpBodyEncodingError);
    await expect(readOtlpBody(streamOf(zlib.gzipSync(Buffer.from('x'.repeat(1000))).subarray(0, 20)), 'gzip')).rejects.toBeInstanceOf(OtlpBodyEncodingError);
    await expect(readOtlpBody(streamOf(Buffer.from('x')), 'br')).rejects.toMatchObject({ unsupported: true });
  });

  it('charges every byte to the in-flight budget and stops when it refuses', async () => {
    let charged = 0;
    const budget = {
      reserve(bytes: number) {
        if (charged + bytes > 10) throw new SaturatedError(503, 'full');
        charged += bytes;
      },
    };
    await expect(readOtlpBody(streamOf(new Uint8Array(6), new Uint8Array(6)), null, 100, budget)).rejects.toBeInstanceOf(SaturatedError);
    expect(charged).toBe(6);
  });
});

describe('in-flight slots', () => {
  it('refuses past maxRequests and maxInflightBytes with 503, and gives everything back on release', () => {
    const limits = { ...receiverLimits({}), maxRequests: 2, maxInflightBytes: 100 };
    const a = acquireSlot(limits);
    const b = acquireSlot(limits);
    expect(() => acquireSlot(limits)).toThrow(expect.objectContaining({ status: 503 }));
    a.budget.reserve(60);
    expect(() => b.budget.reserve(50)).toThrow(SaturatedError);
    a.release();
    a.release(); // twice is once
    b.budget.reserve(50);
    const c = acquireSlot(limits);
    b.release();
    c.release();
    expect(() => acquireSlot(limits).release()).not.toThrow();
  });

  it('reads its limits from the environment, ignoring nonsense', () => {
    expect(receiverLimits({ PILOTLIGHT_OTLP_MAX_INFLIGHT: '3', PILOTLIGHT_OTLP_MAX_BODY_BYTES: 'lots' })).toMatchObject({ maxRequests: 3, maxBodyBytes: 64 * 1024 * 1024 });
  });
});

describe('OTLP responses', () => {
  it('success is {} or empty protobuf; partial success carries the count as an int64 string and the message', async () => {
    expect(await otlpSuccess('json', 'logs').text()).toBe('{}');
    expect((await otlpSuccess('protobuf', 'logs').arrayBuffer()).byteLength).toBe(0);
    expect(await otlpSuccess('json', 'metrics', 3, 'bad').json()).toEqual({ partialSuccess: { rejectedDataPoints: '3', errorMessage: 'bad' } });
    const bytes = new Uint8Array(await otlpSuccess('protobuf', 'logs', 3, 'bad').arrayBuffer());
    const outer = protobuf.Reader.create(bytes);
    expect(outer.uint32()).toBe(10);
    const inner = protobuf.Reader.create(outer.bytes());
    expect([inner.uint32(), Number(inner.int64()), inner.uint32(), inner.string()]).toEqual([8, 3, 18, 'bad']);
  });

  it('errors are google.rpc.Status in the request encoding, with Retry-After when given', async () => {
    const json = otlpError('json', 503, 'busy', { 'Retry-After': '1' });
    expect([json.status, json.headers.get('retry-after'), json.headers.get('content-type')]).toEqual([503, '1', 'application/json']);
    expect(await json.json()).toEqual({ code: 14, message: 'busy' });
    const proto = otlpError('protobuf', 400, 'bad');
    const reader = protobuf.Reader.create(new Uint8Array(await proto.arrayBuffer()));
    expect([reader.uint32(), reader.int32(), reader.uint32(), reader.string()]).toEqual([8, 3, 18, 'bad']);
  });
});

describe('normalised events → telemetry events', () => {
  const base = { id: 'otlp:claude-code:abc', timestamp: '2026-12-01T10:00:00.000Z', agent: 'claude-code' as const, clientVersion: '2.1', os: 'linux', name: 'claude_code.x',
    identity: { session: 's', email: null, accountUuid: 'acc', userId: 'u', installationId: 'i' } };
  it('maps each kind; the user is the e-mail, else the account, user or installation id; prompts never carry text', () => {
    const events: NormalisedEvent[] = [
      { ...base, kind: 'command_executed', command: 'ls', decision: 'approved', tool: 'Bash', toolUseId: 't', success: true, durationMs: 5 },
      { ...base, kind: 'prompt', length: 10, text: 'secret prompt text' },
      { ...base, kind: 'performance', durationMs: 7, model: 'm', inputTokens: 1, outputTokens: 2, cacheReadTokens: null, cacheCreationTokens: null, totalTokens: null, costUsd: null },
      { ...base, kind: 'error', message: 'boom', statusCode: 500, model: null, durationMs: null },
      { ...base, kind: 'feature_used', feature: 'hooks' },
    ];
    const mapped = events.map(telemetryEventOf);
    expect(mapped.map((e) => [e.kind, e.feature ?? null, e.user, e.client])).toEqual([
      ['command_executed', 'Bash', 'acc', 'claude-code'],
      ['feature_used', 'prompt', 'acc', 'claude-code'],
      ['performance', 'm', 'acc', 'claude-code'],
      ['error', null, 'acc', 'claude-code'],
      ['feature_used', 'hooks', 'acc', 'claude-code'],
    ]);
    expect(JSON.stringify(mapped)).not.toContain('secret prompt text');
    expect(mapped[0]).toMatchObject({ command: 'ls', decision: 'approved', durationMs: 5, id: base.id, timestamp: base.timestamp });
    expect(telemetryEventOf({ ...events[4]!, identity: { ...base.identity, email: 'a@b.c' } }).user).toBe('a@b.c');
  });
});
