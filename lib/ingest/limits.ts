/**
 * Ingestion limits. Each can be changed with an environment variable (documented in the README);
 * the defaults are the ones of issue 10.
 */
export interface IngestLimits {
  /** Bytes of the request body as sent (compressed when gzipped). */
  maxUploadBytes: number;
  /** Bytes after gunzip (equal to the upload for plain files). */
  maxDecompressedBytes: number;
  /** Decompressed ÷ compressed bytes; a gzip bomb exceeds it within the first megabytes. */
  maxCompressionRatio: number;
  /** One NDJSON line, one CSV record, one JSON array element. */
  maxRecordBytes: number;
  /** Record errors listed in a result (the rest are still counted as rejected). */
  maxErrors: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: IngestLimits = {
  maxUploadBytes: 512 * MiB,
  maxDecompressedBytes: 4 * 1024 * MiB,
  maxCompressionRatio: 100,
  maxRecordBytes: MiB,
  maxErrors: 1000,
};

const ENV: Record<keyof IngestLimits, string> = {
  maxUploadBytes: 'PILOTLIGHT_UPLOAD_MAX_BYTES',
  maxDecompressedBytes: 'PILOTLIGHT_UPLOAD_MAX_DECOMPRESSED_BYTES',
  maxCompressionRatio: 'PILOTLIGHT_UPLOAD_MAX_RATIO',
  maxRecordBytes: 'PILOTLIGHT_UPLOAD_MAX_RECORD_BYTES',
  maxErrors: 'PILOTLIGHT_UPLOAD_MAX_ERRORS',
};

/** The limits in force: defaults, overridden by positive numbers in the environment. */
export function ingestLimits(env: NodeJS.ProcessEnv = process.env): IngestLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(ENV) as (keyof IngestLimits)[]) {
    const value = Number(env[ENV[key]]);
    if (Number.isFinite(value) && value > 0) limits[key] = value;
  }
  return limits;
}

/** 536870912 → "512 MiB", for messages. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1 && Number.isInteger(value / 1024)) {
    value /= 1024;
    unit++;
  }
  return `${value} ${units[unit]}`;
}
