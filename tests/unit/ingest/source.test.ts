import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '@/lib/ingest/limits';
import { decodedBytes, newCounters } from '@/lib/ingest/source';
import { copyLine } from '@/lib/ingest/copy-text';
import { looksLikeCode, redactField } from '@/lib/ingest/privacy';
import { chunked, sample } from './helpers';

async function drain(source: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of source) parts.push(chunk);
  return Buffer.concat(parts);
}

describe('decoded bytes', () => {
  it('passes plain files through and gunzips by magic bytes', async () => {
    const plain = sample('telemetry.ndjson');
    const counters = newCounters();
    expect((await drain(decodedBytes(chunked(plain, 1), DEFAULT_LIMITS, counters))).equals(plain)).toBe(true);
    expect(counters).toMatchObject({ gzip: false, received: plain.length, decompressed: plain.length });
    const gz = newCounters();
    const out = await drain(decodedBytes(chunked(gzipSync(plain), 50), DEFAULT_LIMITS, gz));
    expect(out.equals(plain)).toBe(true);
    expect(gz.gzip).toBe(true);
  });

  it('refuses a gzip bomb by its ratio, a truncated gzip, and uploads over the caps', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    await expect(drain(decodedBytes(chunked(bomb, 4096), DEFAULT_LIMITS, newCounters()))).rejects.toMatchObject({ status: 413, message: expect.stringContaining('100:1') });
    const truncated = gzipSync(sample('telemetry.ndjson')).subarray(0, 200);
    await expect(drain(decodedBytes(chunked(truncated), DEFAULT_LIMITS, newCounters()))).rejects.toMatchObject({ status: 400, code: 'truncated_gzip' });
    await expect(drain(decodedBytes(chunked(Buffer.alloc(5000, 32)), { ...DEFAULT_LIMITS, maxUploadBytes: 4096 }, newCounters()))).rejects.toMatchObject({ status: 413, message: expect.stringContaining('4 KiB') });
    await expect(drain(decodedBytes(chunked(gzipSync(Buffer.alloc(10000, 32))), { ...DEFAULT_LIMITS, maxDecompressedBytes: 8192 }, newCounters()))).rejects.toMatchObject({ status: 413, message: expect.stringContaining('8 KiB') });
  });
});

describe('privacy detectors', () => {
  it('finds paths, e-mails and code, and leaves ordinary text and URLs alone', () => {
    expect(redactField('Failed to read /Users/alice/src/payments/secrets.env').rules).toEqual(['file-path']);
    expect(redactField('open ~/project/.env failed').rules).toEqual(['file-path']);
    expect(redactField('cannot parse src/app/main.ts').rules).toEqual(['file-path']);
    expect(redactField('mail carol@example.com').rules).toEqual(['email']);
    expect(redactField('Model request timed out').rules).toEqual([]);
    expect(redactField('GET https://example.com/api/v1/x.json failed with 502').rules).toEqual([]);
    expect(redactField('agent.response_latency').rules).toEqual([]);
    expect(looksLikeCode('const token = getToken();')).toBe(true);
    expect(looksLikeCode('Request failed (status 500)')).toBe(false);
  });
});

describe('COPY text', () => {
  it('escapes tabs, newlines and backslashes, writes NULL, booleans, arrays and dates', () => {
    expect(copyLine(['a\tb\nc\\d', null, true, 3, ['x', 'y"z'], new Date('2026-01-01T00:00:00Z')])).toBe('a\\tb\\nc\\\\d\t\\N\tt\t3\t{"x","y\\\\"z"}\t2026-01-01T00:00:00.000Z\n');
  });
});
