import { createHash } from 'node:crypto';
import { Readable, pipeline } from 'node:stream';
import zlib from 'node:zlib';
import { BadRequestError } from '@/lib/errors';
import { IngestLimitError } from './errors';
import type { IngestLimits } from './limits';

/** What the byte stages saw; read by the pipeline for progress and the upload row. */
export interface ByteCounters {
  /** Bytes of the body as received. */
  received: number;
  /** Bytes after gunzip (= received for plain files). */
  decompressed: number;
  gzip: boolean;
  sha256: ReturnType<typeof createHash>;
}

export function newCounters(): ByteCounters {
  return { received: 0, decompressed: 0, gzip: false, sha256: createHash('sha256') };
}

/** The ratio cap applies once this much has been inflated (tiny files legitimately compress well), before detection looks at the first 64 KiB. */
const RATIO_GRACE_BYTES = 32 * 1024;

export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** Body chunks, counted, hashed and refused past the compressed-size cap. */
async function* counted(body: AsyncIterable<Uint8Array>, limits: IngestLimits, counters: ByteCounters): AsyncGenerator<Buffer> {
  for await (const chunk of body) {
    counters.received += chunk.byteLength;
    if (counters.received > limits.maxUploadBytes) throw new IngestLimitError('the upload', limits.maxUploadBytes);
    const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    counters.sha256.update(buffer);
    yield buffer;
  }
}

function gzipError(error: NodeJS.ErrnoException): Error {
  if (error.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(error.message)) {
    return new BadRequestError('The gzip stream is truncated: the file ends before the compressed data does.', undefined, 'truncated_gzip');
  }
  return new BadRequestError(`The file starts like gzip but is not valid gzip data (${error.message}).`, undefined, 'invalid_gzip');
}

/**
 * The decompressed bytes of a request body: plain or gzip (recognised by its magic bytes, not
 * by a name or header), streamed chunk by chunk with the compressed, decompressed and ratio
 * caps enforced as the bytes arrive. Nothing is buffered beyond zlib's own window.
 */
export async function* decodedBytes(body: AsyncIterable<Uint8Array>, limits: IngestLimits, counters: ByteCounters): AsyncGenerator<Buffer> {
  const source = counted(body, limits, counters);
  // Peek at the first bytes (a chunk may be a single byte).
  const head: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < 2) {
    const next = await source.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.length;
  }
  const first = Buffer.concat(head);
  counters.gzip = isGzip(first);
  const rest = async function* (): AsyncGenerator<Buffer> {
    if (first.length) yield first;
    if (ended) return;
    for (;;) {
      const next = await source.next();
      if (next.done) return;
      yield next.value;
    }
  };

  if (!counters.gzip) {
    for await (const chunk of rest()) {
      counters.decompressed += chunk.length;
      if (counters.decompressed > limits.maxDecompressedBytes) throw new IngestLimitError('the decompressed file', limits.maxDecompressedBytes);
      yield chunk;
    }
    return;
  }

  const gunzip = zlib.createGunzip();
  const input = Readable.from(rest(), { objectMode: false });
  let failure: Error | null = null;
  pipeline(input, gunzip, (error) => {
    if (error && !failure) failure = error;
  });
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      counters.decompressed += chunk.length;
      if (counters.decompressed > limits.maxDecompressedBytes) throw new IngestLimitError('the decompressed file', limits.maxDecompressedBytes);
      if (counters.decompressed > RATIO_GRACE_BYTES && counters.decompressed > limits.maxCompressionRatio * counters.received) {
        throw new IngestLimitError('the compression ratio (decompressed ÷ compressed)', limits.maxCompressionRatio, 'ratio');
      }
      yield chunk;
    }
  } catch (error) {
    // An error from the body itself (limit, dropped connection) wins over zlib's.
    const original = failure ?? error;
    if (original instanceof Error && (original as NodeJS.ErrnoException).code?.startsWith('Z_')) throw gzipError(original as NodeJS.ErrnoException);
    throw original;
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  if (failure) {
    const error: Error = failure;
    if ((error as NodeJS.ErrnoException).code?.startsWith('Z_')) throw gzipError(error as NodeJS.ErrnoException);
    throw error;
  }
}
