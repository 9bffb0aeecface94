/** One in-memory shape for OTLP logs and metrics, whatever the wire encoding (JSON or protobuf). */

/** An OTLP AnyValue: ints are numbers when safe, else decimal strings; bytes are Uint8Array; empty values are null. */
export type OtlpValue = null | string | boolean | number | Uint8Array | OtlpValue[] | { [key: string]: OtlpValue };
export type OtlpAttributes = Record<string, OtlpValue>;

export interface OtlpScope {
  name: string;
  version: string;
}

export interface OtlpLogRecord {
  resource: OtlpAttributes;
  scope: OtlpScope;
  /** Decimal nanoseconds since the epoch; "0" when unknown. */
  timeUnixNano: string;
  observedTimeUnixNano: string;
  severityNumber: number;
  severityText: string;
  body: OtlpValue;
  attributes: OtlpAttributes;
  /** Empty when absent. */
  eventName: string;
  /** Lower-case hex, empty when absent. */
  traceId: string;
  spanId: string;
  flags: number;
}

export type MetricType = 'sum' | 'gauge' | 'histogram' | 'exponentialHistogram' | 'summary';
/** 0 unspecified, 1 delta, 2 cumulative (metrics.proto). */
export type Temporality = 0 | 1 | 2;

export interface OtlpDataPoint {
  resource: OtlpAttributes;
  scope: OtlpScope;
  metric: { name: string; unit: string; description: string; type: MetricType; temporality: Temporality; isMonotonic: boolean };
  attributes: OtlpAttributes;
  startTimeUnixNano: string;
  timeUnixNano: string;
  /** sum/gauge: the number; histograms and summaries: their sum (null when not recorded). */
  value: number | null;
  /** histograms and summaries only. */
  count: number | null;
  min: number | null;
  max: number | null;
  bucketCounts: number[];
  explicitBounds: number[];
  flags: number;
}

export interface DecodedLogs {
  signal: 'logs';
  records: OtlpLogRecord[];
}

export interface DecodedMetrics {
  signal: 'metrics';
  points: OtlpDataPoint[];
}
