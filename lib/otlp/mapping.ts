import { OtlpDecodeError } from './errors';
import type {
  DecodedLogs, DecodedMetrics, MetricType, OtlpAttributes, OtlpDataPoint, OtlpLogRecord, OtlpScope, OtlpValue, Temporality,
} from './types';

/**
 * The OTLP JSON mapping (opentelemetry-proto docs/specification.md): lowerCamelCase keys, int64 as
 * decimal strings or numbers, hex trace/span ids, enums as integers (names accepted leniently),
 * bytes as base64, unknown fields ignored. The protobuf path converts to this same plain form.
 */

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const fail = (path: string, message: string): never => {
  throw new OtlpDecodeError('invalid_shape', message, path);
};

function obj(v: unknown, path: string): Obj {
  if (v === undefined || v === null) return {};
  return isObj(v) ? v : fail(path, 'expected an object');
}

function arr(v: unknown, path: string): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : fail(path, 'expected an array');
}

function str(v: unknown, path: string): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : fail(path, 'expected a string');
}

function bool(v: unknown, path: string): boolean {
  if (v === undefined || v === null) return false;
  return typeof v === 'boolean' ? v : fail(path, 'expected a boolean');
}

const INT = /^-?\d+$/;

/** An int64 as a decimal string ("0" when absent). */
function int64(v: unknown, path: string): string {
  if (v === undefined || v === null) return '0';
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v).toString();
  if (typeof v === 'string' && INT.test(v)) return BigInt(v).toString();
  return fail(path, 'expected an integer (number or decimal string)');
}

function int64Number(v: unknown, path: string): number {
  return Number(int64(v, path));
}

function int32(v: unknown, path: string): number {
  if (v === undefined || v === null) return 0;
  const n = typeof v === 'string' && INT.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) ? n : fail(path, 'expected an integer');
}

function double(v: unknown, path: string): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    if (v === 'NaN') return NaN;
    if (v === 'Infinity') return Infinity;
    if (v === '-Infinity') return -Infinity;
    const n = Number(v);
    if (v.trim() !== '' && Number.isFinite(n)) return n;
  }
  return fail(path, 'expected a number');
}

const TEMPORALITY_NAMES: Record<string, Temporality> = {
  AGGREGATION_TEMPORALITY_UNSPECIFIED: 0,
  AGGREGATION_TEMPORALITY_DELTA: 1,
  AGGREGATION_TEMPORALITY_CUMULATIVE: 2,
};

function temporality(v: unknown, path: string): Temporality {
  const named = typeof v === 'string' ? TEMPORALITY_NAMES[v] : undefined;
  if (named !== undefined) return named;
  const n = int32(v, path);
  return n === 1 || n === 2 ? n : 0;
}

function severity(v: unknown, path: string): number {
  if (typeof v === 'string' && /^SEVERITY_NUMBER_/.test(v)) {
    const names = ['UNSPECIFIED', 'TRACE', 'TRACE2', 'TRACE3', 'TRACE4', 'DEBUG', 'DEBUG2', 'DEBUG3', 'DEBUG4', 'INFO', 'INFO2',
      'INFO3', 'INFO4', 'WARN', 'WARN2', 'WARN3', 'WARN4', 'ERROR', 'ERROR2', 'ERROR3', 'ERROR4', 'FATAL', 'FATAL2', 'FATAL3', 'FATAL4'];
    const i = names.indexOf(v.slice('SEVERITY_NUMBER_'.length));
    return i >= 0 ? i : fail(path, `unknown severity "${v}"`);
  }
  return int32(v, path);
}

function hexId(v: unknown, path: string, bytes: 16 | 8): string {
  const s = str(v, path);
  if (s === '') return '';
  if (!new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`).test(s)) fail(path, `expected ${bytes * 2} hex digits`);
  return /^0+$/.test(s) ? '' : s.toLowerCase();
}

function base64(v: unknown, path: string): Uint8Array {
  const s = str(v, path);
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(s)) fail(path, 'expected base64');
  return new Uint8Array(Buffer.from(s, 'base64'));
}

const ANY_KINDS = ['stringValue', 'boolValue', 'intValue', 'doubleValue', 'arrayValue', 'kvlistValue', 'bytesValue'] as const;

export function anyValue(v: unknown, path: string, depth = 0): OtlpValue {
  if (depth > 64) fail(path, 'AnyValue nested too deeply');
  if (v === undefined || v === null) return null;
  const o = obj(v, path);
  const kind = ANY_KINDS.find((k) => o[k] !== undefined && o[k] !== null);
  switch (kind) {
    case undefined: return null;
    case 'stringValue': return str(o.stringValue, `${path}.stringValue`);
    case 'boolValue': return bool(o.boolValue, `${path}.boolValue`);
    case 'intValue': {
      const s = int64(o.intValue, `${path}.intValue`);
      const n = Number(s);
      return Number.isSafeInteger(n) ? n : s;
    }
    case 'doubleValue': return double(o.doubleValue, `${path}.doubleValue`);
    case 'bytesValue': return base64(o.bytesValue, `${path}.bytesValue`);
    case 'arrayValue': {
      const values = arr(obj(o.arrayValue, `${path}.arrayValue`).values, `${path}.arrayValue.values`);
      return values.map((x, i) => anyValue(x, `${path}.arrayValue.values[${i}]`, depth + 1));
    }
    case 'kvlistValue': return keyValues(obj(o.kvlistValue, `${path}.kvlistValue`).values, `${path}.kvlistValue.values`, depth + 1);
  }
}

/** KeyValue list → record; a repeated key keeps its last value. */
export function keyValues(v: unknown, path: string, depth = 0): OtlpAttributes {
  const out: OtlpAttributes = {};
  arr(v, path).forEach((kv, i) => {
    const p = `${path}[${i}]`;
    const o = obj(kv, p);
    const key = str(o.key, `${p}.key`);
    out[key] = anyValue(o.value, `${p}.value`, depth);
  });
  return out;
}

function resourceAttributes(v: unknown, path: string): OtlpAttributes {
  return keyValues(obj(v, path).attributes, `${path}.attributes`);
}

function scope(v: unknown, path: string): OtlpScope {
  const o = obj(v, path);
  return { name: str(o.name, `${path}.name`), version: str(o.version, `${path}.version`) };
}

/** Plain ExportLogsServiceRequest (JSON mapping) → records. */
export function mapLogsRequest(root: unknown): DecodedLogs {
  const records: OtlpLogRecord[] = [];
  const top = isObj(root) ? root : fail('', 'expected an ExportLogsServiceRequest object');
  arr(top.resourceLogs, 'resourceLogs').forEach((rl, i) => {
    const p = `resourceLogs[${i}]`;
    const rlo = obj(rl, p);
    const resource = resourceAttributes(rlo.resource, `${p}.resource`);
    arr(rlo.scopeLogs, `${p}.scopeLogs`).forEach((sl, j) => {
      const sp = `${p}.scopeLogs[${j}]`;
      const slo = obj(sl, sp);
      const sc = scope(slo.scope, `${sp}.scope`);
      arr(slo.logRecords, `${sp}.logRecords`).forEach((lr, k) => {
        const rp = `${sp}.logRecords[${k}]`;
        const r = obj(lr, rp);
        records.push({
          resource,
          scope: sc,
          timeUnixNano: int64(r.timeUnixNano, `${rp}.timeUnixNano`),
          observedTimeUnixNano: int64(r.observedTimeUnixNano, `${rp}.observedTimeUnixNano`),
          severityNumber: severity(r.severityNumber, `${rp}.severityNumber`),
          severityText: str(r.severityText, `${rp}.severityText`),
          body: anyValue(r.body, `${rp}.body`),
          attributes: keyValues(r.attributes, `${rp}.attributes`),
          eventName: str(r.eventName, `${rp}.eventName`),
          traceId: hexId(r.traceId, `${rp}.traceId`, 16),
          spanId: hexId(r.spanId, `${rp}.spanId`, 8),
          flags: int32(r.flags, `${rp}.flags`),
        });
      });
    });
  });
  return { signal: 'logs', records };
}

const METRIC_TYPES: readonly MetricType[] = ['sum', 'gauge', 'histogram', 'exponentialHistogram', 'summary'];

/** Plain ExportMetricsServiceRequest (JSON mapping) → one entry per data point. */
export function mapMetricsRequest(root: unknown): DecodedMetrics {
  const points: OtlpDataPoint[] = [];
  const top = isObj(root) ? root : fail('', 'expected an ExportMetricsServiceRequest object');
  arr(top.resourceMetrics, 'resourceMetrics').forEach((rm, i) => {
    const p = `resourceMetrics[${i}]`;
    const rmo = obj(rm, p);
    const resource = resourceAttributes(rmo.resource, `${p}.resource`);
    arr(rmo.scopeMetrics, `${p}.scopeMetrics`).forEach((sm, j) => {
      const sp = `${p}.scopeMetrics[${j}]`;
      const smo = obj(sm, sp);
      const sc = scope(smo.scope, `${sp}.scope`);
      arr(smo.metrics, `${sp}.metrics`).forEach((m, k) => {
        const mp = `${sp}.metrics[${k}]`;
        const mo = obj(m, mp);
        const type = METRIC_TYPES.find((t) => mo[t] !== undefined && mo[t] !== null);
        if (!type) return; // no data (or a future type): nothing to record
        const data = obj(mo[type], `${mp}.${type}`);
        const metric = {
          name: str(mo.name, `${mp}.name`),
          unit: str(mo.unit, `${mp}.unit`),
          description: str(mo.description, `${mp}.description`),
          type,
          temporality: type === 'gauge' || type === 'summary' ? (0 as const) : temporality(data.aggregationTemporality, `${mp}.${type}.aggregationTemporality`),
          isMonotonic: type === 'sum' ? bool(data.isMonotonic, `${mp}.sum.isMonotonic`) : false,
        };
        arr(data.dataPoints, `${mp}.${type}.dataPoints`).forEach((dp, n) => {
          const dpp = `${mp}.${type}.dataPoints[${n}]`;
          const d = obj(dp, dpp);
          const numeric = type === 'sum' || type === 'gauge';
          let value: number | null;
          if (numeric) {
            value = d.asDouble !== undefined && d.asDouble !== null ? double(d.asDouble, `${dpp}.asDouble`)
              : d.asInt !== undefined && d.asInt !== null ? int64Number(d.asInt, `${dpp}.asInt`) : null;
          } else {
            value = double(d.sum, `${dpp}.sum`);
          }
          let bucketCounts: number[] = [];
          if (type === 'histogram') bucketCounts = arr(d.bucketCounts, `${dpp}.bucketCounts`).map((c, b) => int64Number(c, `${dpp}.bucketCounts[${b}]`));
          if (type === 'exponentialHistogram') {
            const pos = obj(d.positive, `${dpp}.positive`);
            bucketCounts = arr(pos.bucketCounts, `${dpp}.positive.bucketCounts`).map((c, b) => int64Number(c, `${dpp}.positive.bucketCounts[${b}]`));
          }
          points.push({
            resource,
            scope: sc,
            metric,
            attributes: keyValues(d.attributes, `${dpp}.attributes`),
            startTimeUnixNano: int64(d.startTimeUnixNano, `${dpp}.startTimeUnixNano`),
            timeUnixNano: int64(d.timeUnixNano, `${dpp}.timeUnixNano`),
            value,
            count: numeric ? null : int64Number(d.count, `${dpp}.count`),
            min: numeric ? null : double(d.min, `${dpp}.min`),
            max: numeric ? null : double(d.max, `${dpp}.max`),
            bucketCounts,
            explicitBounds: type === 'histogram' ? arr(d.explicitBounds, `${dpp}.explicitBounds`).map((x, b) => double(x, `${dpp}.explicitBounds[${b}]`) ?? 0) : [],
            flags: int32(d.flags, `${dpp}.flags`),
          });
        });
      });
    });
  });
  return { signal: 'metrics', points };
}
