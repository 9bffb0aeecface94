/** The upload formats, detected from the content (lib/ingest/detect.ts) or named with ?format=. */
export const UPLOAD_FORMATS = ['telemetry-ndjson', 'telemetry-json', 'telemetry-csv', 'prompt-log', 'q-activity-csv', 'kiro-activity-csv'] as const;
export type UploadFormat = (typeof UPLOAD_FORMATS)[number];

export const FORMAT_LABELS: Record<UploadFormat, string> = {
  'telemetry-ndjson': 'Telemetry (NDJSON)',
  'telemetry-json': 'Telemetry (JSON array)',
  'telemetry-csv': 'Telemetry (CSV)',
  'prompt-log': 'Prompt log (Amazon Q Developer / Kiro)',
  'q-activity-csv': 'Q Developer user activity (by_user_analytic CSV)',
  'kiro-activity-csv': 'Kiro user activity (user_report CSV)',
};

export const ACCEPTED_FORMATS_TEXT =
  'telemetry events as NDJSON, a JSON array or CSV; Amazon Q Developer / Kiro prompt logs ({"records":[…]}); ' +
  'Q Developer by_user_analytic and Kiro user_report activity CSVs — plain or gzipped';

export function isUploadFormat(value: unknown): value is UploadFormat {
  return typeof value === 'string' && (UPLOAD_FORMATS as readonly string[]).includes(value);
}

/** The table a format's records land in. */
export type RecordKind = 'telemetry' | 'prompt' | 'activity';

/** `otlp` is the format of an ingest key's stream upload row (lib/otlp/receiver): telemetry events too. */
export function recordKindOf(format: UploadFormat | 'otlp'): RecordKind {
  if (format.startsWith('telemetry') || format === 'otlp') return 'telemetry';
  return format === 'prompt-log' ? 'prompt' : 'activity';
}
