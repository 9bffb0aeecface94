import { AppError } from '@/lib/errors';
import { formatBytes } from './limits';

/** 413 naming the limit that was passed (compressed size, decompressed size, ratio, record size). */
export class IngestLimitError extends AppError {
  constructor(what: string, limit: number, unit: 'bytes' | 'ratio' = 'bytes') {
    const shown = unit === 'bytes' ? formatBytes(limit) : `${limit}:1`;
    super(413, 'payload_too_large', `The upload is larger than the limit: ${what} may be at most ${shown}.`, { limit: what, value: limit });
  }
}

/** 422 in strict mode: the whole upload is rejected and nothing is stored. */
export class UploadRejectedError extends AppError {
  constructor(errors: { record: number; message: string }[], rejected: number) {
    super(422, 'upload_rejected', `Strict mode: ${rejected} record${rejected === 1 ? '' : 's'} failed validation, so nothing was stored.`, { rejected, errors });
  }
}
