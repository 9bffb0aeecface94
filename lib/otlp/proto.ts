import protobuf from 'protobufjs';
import { OtlpDecodeError } from './errors';

/**
 * OTLP messages for protobufjs's reflection API, written from the field numbers documented in
 * opentelemetry-proto (common/v1, resource/v1, logs/v1, metrics/v1, collector/*). Field names are
 * the JSON mapping's lowerCamelCase so `toObject` yields the OTLP JSON shape; enums are declared
 * as int32 (wire-identical) so unknown enum values survive. Exemplars, entity refs and
 * profiles-only fields are left out: protobufjs skips unknown fields.
 */
type Fields = Record<string, { type: string; id: number; rule?: 'repeated' }>;
const f = (id: number, type: string, repeated = false) => (repeated ? { id, type, rule: 'repeated' as const } : { id, type });

const messages: Record<string, Fields> = {
  AnyValue: {
    stringValue: f(1, 'string'), boolValue: f(2, 'bool'), intValue: f(3, 'int64'), doubleValue: f(4, 'double'),
    arrayValue: f(5, 'ArrayValue'), kvlistValue: f(6, 'KeyValueList'), bytesValue: f(7, 'bytes'),
  },
  ArrayValue: { values: f(1, 'AnyValue', true) },
  KeyValueList: { values: f(1, 'KeyValue', true) },
  KeyValue: { key: f(1, 'string'), value: f(2, 'AnyValue') },
  InstrumentationScope: { name: f(1, 'string'), version: f(2, 'string'), attributes: f(3, 'KeyValue', true), droppedAttributesCount: f(4, 'uint32') },
  Resource: { attributes: f(1, 'KeyValue', true), droppedAttributesCount: f(2, 'uint32') },

  ExportLogsServiceRequest: { resourceLogs: f(1, 'ResourceLogs', true) },
  ResourceLogs: { resource: f(1, 'Resource'), scopeLogs: f(2, 'ScopeLogs', true), schemaUrl: f(3, 'string') },
  ScopeLogs: { scope: f(1, 'InstrumentationScope'), logRecords: f(2, 'LogRecord', true), schemaUrl: f(3, 'string') },
  LogRecord: {
    timeUnixNano: f(1, 'fixed64'), observedTimeUnixNano: f(11, 'fixed64'), severityNumber: f(2, 'int32'), severityText: f(3, 'string'),
    body: f(5, 'AnyValue'), attributes: f(6, 'KeyValue', true), droppedAttributesCount: f(7, 'uint32'), flags: f(8, 'fixed32'),
    traceId: f(9, 'bytes'), spanId: f(10, 'bytes'), eventName: f(12, 'string'),
  },

  ExportMetricsServiceRequest: { resourceMetrics: f(1, 'ResourceMetrics', true) },
  ResourceMetrics: { resource: f(1, 'Resource'), scopeMetrics: f(2, 'ScopeMetrics', true), schemaUrl: f(3, 'string') },
  ScopeMetrics: { scope: f(1, 'InstrumentationScope'), metrics: f(2, 'Metric', true), schemaUrl: f(3, 'string') },
  Metric: {
    name: f(1, 'string'), description: f(2, 'string'), unit: f(3, 'string'), gauge: f(5, 'Gauge'), sum: f(7, 'Sum'),
    histogram: f(9, 'Histogram'), exponentialHistogram: f(10, 'ExponentialHistogram'), summary: f(11, 'Summary'), metadata: f(12, 'KeyValue', true),
  },
  Gauge: { dataPoints: f(1, 'NumberDataPoint', true) },
  Sum: { dataPoints: f(1, 'NumberDataPoint', true), aggregationTemporality: f(2, 'int32'), isMonotonic: f(3, 'bool') },
  Histogram: { dataPoints: f(1, 'HistogramDataPoint', true), aggregationTemporality: f(2, 'int32') },
  ExponentialHistogram: { dataPoints: f(1, 'ExponentialHistogramDataPoint', true), aggregationTemporality: f(2, 'int32') },
  Summary: { dataPoints: f(1, 'SummaryDataPoint', true) },
  NumberDataPoint: {
    attributes: f(7, 'KeyValue', true), startTimeUnixNano: f(2, 'fixed64'), timeUnixNano: f(3, 'fixed64'),
    asDouble: f(4, 'double'), asInt: f(6, 'sfixed64'), flags: f(8, 'uint32'),
  },
  HistogramDataPoint: {
    attributes: f(9, 'KeyValue', true), startTimeUnixNano: f(2, 'fixed64'), timeUnixNano: f(3, 'fixed64'), count: f(4, 'fixed64'),
    sum: f(5, 'double'), bucketCounts: f(6, 'fixed64', true), explicitBounds: f(7, 'double', true), flags: f(10, 'uint32'),
    min: f(11, 'double'), max: f(12, 'double'),
  },
  ExponentialHistogramDataPoint: {
    attributes: f(1, 'KeyValue', true), startTimeUnixNano: f(2, 'fixed64'), timeUnixNano: f(3, 'fixed64'), count: f(4, 'fixed64'),
    sum: f(5, 'double'), scale: f(6, 'sint32'), zeroCount: f(7, 'fixed64'), positive: f(8, 'Buckets'), negative: f(9, 'Buckets'),
    flags: f(10, 'uint32'), min: f(12, 'double'), max: f(13, 'double'), zeroThreshold: f(14, 'double'),
  },
  Buckets: { offset: f(1, 'sint32'), bucketCounts: f(2, 'uint64', true) },
  SummaryDataPoint: {
    attributes: f(7, 'KeyValue', true), startTimeUnixNano: f(2, 'fixed64'), timeUnixNano: f(3, 'fixed64'), count: f(4, 'fixed64'),
    sum: f(5, 'double'), quantileValues: f(6, 'ValueAtQuantile', true), flags: f(8, 'uint32'),
  },
  ValueAtQuantile: { quantile: f(1, 'double'), value: f(2, 'double') },
};

/** Oneofs give their members presence, so a zero/false/empty member set on the wire is kept. */
const oneofs: Record<string, Record<string, { oneof: string[] }>> = {
  AnyValue: { value: { oneof: ['stringValue', 'boolValue', 'intValue', 'doubleValue', 'arrayValue', 'kvlistValue', 'bytesValue'] } },
  NumberDataPoint: { value: { oneof: ['asDouble', 'asInt'] } },
  // proto3 `optional double sum/min/max` are synthetic oneofs.
  HistogramDataPoint: { _sum: { oneof: ['sum'] }, _min: { oneof: ['min'] }, _max: { oneof: ['max'] } },
  ExponentialHistogramDataPoint: { _sum: { oneof: ['sum'] }, _min: { oneof: ['min'] }, _max: { oneof: ['max'] } },
  Metric: { data: { oneof: ['gauge', 'sum', 'histogram', 'exponentialHistogram', 'summary'] } },
};

const root = protobuf.Root.fromJSON({
  nested: Object.fromEntries(Object.entries(messages).map(([name, fields]) => [name, oneofs[name] ? { fields, oneofs: oneofs[name] } : { fields }])),
});
const LogsRequest = root.lookupType('ExportLogsServiceRequest');
const MetricsRequest = root.lookupType('ExportMetricsServiceRequest');

const TO_OBJECT: protobuf.IConversionOptions = { longs: String, enums: Number, bytes: String, defaults: false, arrays: true };

/** Rewrites base64 traceId/spanId (protobuf bytes) to hex as the JSON mapping spells them. */
function idsToHex(value: unknown): void {
  if (Array.isArray(value)) {
    for (const v of value) idsToHex(v);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const o = value as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    const v = o[key];
    if ((key === 'traceId' || key === 'spanId') && typeof v === 'string') o[key] = Buffer.from(v, 'base64').toString('hex');
    else idsToHex(v);
  }
}

function decode(type: protobuf.Type, body: Uint8Array): unknown {
  let message: protobuf.Message;
  try {
    message = type.decode(body);
  } catch (error) {
    throw new OtlpDecodeError('invalid_protobuf', `undecodable ${type.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const plain: unknown = type.toObject(message, TO_OBJECT);
  idsToHex(plain);
  return plain;
}

/** Protobuf ExportLogsServiceRequest → the plain OTLP JSON shape. */
export const decodeLogsProtobuf = (body: Uint8Array): unknown => decode(LogsRequest, body);
/** Protobuf ExportMetricsServiceRequest → the plain OTLP JSON shape. */
export const decodeMetricsProtobuf = (body: Uint8Array): unknown => decode(MetricsRequest, body);

/**
 * Plain OTLP JSON-shaped request (hex traceId/spanId) → protobuf bytes. For tests and the
 * benchmark's protobuf run; the receiver only decodes.
 */
export function encodeProtobuf(signal: 'logs' | 'metrics', request: Record<string, unknown>): Uint8Array {
  const type = signal === 'logs' ? LogsRequest : MetricsRequest;
  const hexToBytes = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(hexToBytes);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) =>
      [k, (k === 'traceId' || k === 'spanId') && typeof v === 'string' ? new Uint8Array(Buffer.from(v, 'hex')) : hexToBytes(v)]));
  };
  return type.encode(type.fromObject(hexToBytes(request) as Record<string, unknown>)).finish();
}
