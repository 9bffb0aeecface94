import type { UploadFormat } from './formats';

/** How many decompressed bytes detection looks at (at most; less when the file is shorter). */
export const DETECT_BYTES = 64 * 1024;

/** Binary content: NUL bytes, or invalid UTF-8, in the first bytes. */
export function looksBinary(head: Buffer): boolean {
  const sample = head.subarray(0, Math.min(head.length, DETECT_BYTES));
  if (sample.includes(0)) return true;
  // Decoding and re-encoding is lossless exactly for valid UTF-8; allow a character cut at the end.
  const text = sample.toString('utf8');
  const replacement = text.indexOf('\uFFFD');
  return replacement !== -1 && replacement < text.length - 3;
}

function splitCsvHeader(line: string): string[] {
  // Enough for a header (names rarely hold commas); the real parse is csv-parse's.
  return line.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase());
}

/**
 * The format of a file from its first bytes (already gunzipped), or null when it is none of
 * them. JSON: `{"records": …` is a prompt log, `[` a telemetry array, other `{` lines NDJSON
 * telemetry. CSV by its header: Kiro's user_report has Client_Type/Credits_Used, Q's
 * by_user_analytic has UserId and Date, telemetry has kind and timestamp.
 */
export function detectFormat(head: Buffer): UploadFormat | null {
  if (looksBinary(head)) return null;
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (start.startsWith('[')) return 'telemetry-json';
  if (start.startsWith('{')) {
    if (/^\{\s*"records"\s*:/.test(start)) return 'prompt-log';
    return 'telemetry-ndjson';
  }
  const firstLine = start.split(/\r?\n/, 1)[0] ?? '';
  if (!firstLine.includes(',')) return null;
  const columns = new Set(splitCsvHeader(firstLine));
  if (columns.has('userid') && columns.has('date')) {
    if (columns.has('client_type') || columns.has('credits_used') || columns.has('total_messages') || columns.has('chat_conversations')) return 'kiro-activity-csv';
    return 'q-activity-csv';
  }
  if (columns.has('kind') && columns.has('timestamp')) return 'telemetry-csv';
  return null;
}
