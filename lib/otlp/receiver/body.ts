import zlib from 'node:zlib';

/** The OTLP spec's recommended cap, applied after decompression (413 above it). */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

export class OtlpBodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The request body is larger than ${limitBytes} bytes after decompression.`);
  }
}

/** Not gzip data although Content-Encoding said so, or an encoding we do not speak. */
export class OtlpBodyEncodingError extends Error {
  constructor(message: string, readonly unsupported = false) {
    super(message);
  }
}

export interface BodyBudget {
  /** Called for every decompressed chunk; throws to stop reading (saturation). */
  reserve(bytes: number): void;
}

/**
 * The whole request body, decompressed (`Content-Encoding: gzip`) as it streams in, counting
 * decompressed bytes so a small gzip bomb stops at `maxBytes` instead of filling memory.
 * Chunked and Content-Length bodies read the same way.
 */
export async function readOtlpBody(
  body: ReadableStream<Uint8Array> | null,
  contentEncoding: string | null,
  maxBytes = DEFAULT_MAX_BODY_BYTES,
  budget?: BodyBudget,
  declaredBytes: number | null = null,
): Promise<Uint8Array> {
  const encoding = (contentEncoding ?? '').trim().toLowerCase();
  if (encoding !== '' && encoding !== 'identity' && encoding !== 'gzip') throw new OtlpBodyEncodingError(`Content-Encoding "${encoding}" is not supported; send gzip or none.`, true);
  // A plain body whose Content-Length is over the cap is refused before a byte is read.
  if (encoding !== 'gzip' && declaredBytes !== null && declaredBytes > maxBytes) throw new OtlpBodyTooLargeError(maxBytes);
  if (!body) return new Uint8Array(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const take = (chunk: Uint8Array) => {
    size += chunk.byteLength;
    if (size > maxBytes) throw new OtlpBodyTooLargeError(maxBytes);
    budget?.reserve(chunk.byteLength);
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  };
  const reader = body.getReader();
  let finished = false;
  try {
    if (encoding !== 'gzip') {
      for (;;) {
        const next = await reader.read();
        if (next.done) break;
        take(next.value);
      }
    } else {
      const gunzip = zlib.createGunzip();
      let failure: unknown = null;
      const done = new Promise<void>((resolve, reject) => {
        gunzip.on('data', (chunk: Buffer) => {
          try {
            take(chunk);
          } catch (error) {
            failure = error;
            gunzip.destroy();
            reject(error);
          }
        });
        gunzip.on('end', resolve);
        gunzip.on('error', (error) => {
          failure ??= new OtlpBodyEncodingError(`The body is not valid gzip data (${error.message}).`);
          reject(failure);
        });
      });
      done.catch(() => {});
      for (;;) {
        if (failure) break;
        const next = await reader.read();
        if (next.done) break;
        // Backpressure: wait until zlib has taken the chunk before reading more of the socket.
        if (!gunzip.write(next.value)) await new Promise<void>((resolve) => gunzip.once('drain', resolve).once('close', resolve));
      }
      if (!failure) gunzip.end();
      await done;
      if (failure) throw failure;
    }
    finished = true;
  } finally {
    if (!finished) await reader.cancel().catch(() => {});
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}
