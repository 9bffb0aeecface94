import type { z } from 'zod';
import { BadRequestError, TooLargeError, ValidationError } from '@/lib/errors';
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from '@/lib/text';
import { parseJsonText, parseWith } from './json';

export const DEFAULT_JSON_LIMIT_BYTES = 1024 * 1024;

/**
 * Reads the whole body but never more than `maxBytes`: a declared Content-Length over the limit
 * is refused before reading, and a body that streams past it is cut off (413 either way).
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw new TooLargeError(maxBytes);
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new TooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Body → JSON value: 413 when too large, 400 for an empty body or bad JSON (with line/column). */
export async function readJsonBody(request: Request, options: { maxBytes?: number } = {}): Promise<unknown> {
  const bytes = await readBodyBytes(request, options.maxBytes ?? DEFAULT_JSON_LIMIT_BYTES);
  const text = bytes.toString('utf8');
  if (!text.trim()) throw new BadRequestError('The request body is empty; send a JSON object.', undefined, 'empty_body');
  const value = parseJsonText(text);
  // One place for every JSON API: text PostgreSQL cannot store is a 400 naming the field, not a 500.
  const unstorable = findUnstorableText(value);
  if (unstorable) throw new ValidationError('The request body is not valid (1 problem).', [{ path: unstorable, message: UNSTORABLE_TEXT_MESSAGE }]);
  return value;
}

/** readJsonBody, then the zod schema (400 listing every issue with its path). */
export async function readJson<S extends z.ZodType>(request: Request, schema: S, options: { maxBytes?: number } = {}): Promise<z.infer<S>> {
  return parseWith(schema, await readJsonBody(request, options), 'The request body');
}
