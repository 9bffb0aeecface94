import type { OtlpDataPoint } from './types';

/** What a cumulative series last reported; the caller stores it per series key. */
export interface SeriesState {
  startTimeUnixNano: string;
  timeUnixNano: string;
  value: number;
}

export interface DeltaResult {
  /** The amount to add to rollups for this point (0 for a repeat). */
  delta: number;
  /** The state to keep for the next point of this series (unchanged for a stale point). */
  next: SeriesState | null;
  /** Why: `delta` (delta temporality, summed), `first`, `increase`, `reset`, `stale` (older or repeated point). */
  reason: 'delta' | 'first' | 'increase' | 'reset' | 'stale';
}

function canonicalAttributes(attributes: OtlpDataPoint['attributes']): string {
  return JSON.stringify(Object.keys(attributes).sort().map((k) => [k, attributes[k] instanceof Uint8Array ? Buffer.from(attributes[k]).toString('base64') : attributes[k]]));
}

/** The series a point belongs to: metric name + data point attributes + the resource's service and session. */
export function seriesKey(point: OtlpDataPoint): string {
  const r = point.resource;
  return JSON.stringify([point.metric.name, r['service.name'] ?? null, r['session.id'] ?? null, r['service.instance.id'] ?? null, canonicalAttributes(point.attributes)]);
}

/**
 * Turns one sum/histogram point into the amount it adds. Delta points are taken as they are
 * (summed by the caller). Cumulative points are differenced against the previous point of the
 * same series; a new `startTimeUnixNano` (or a lower value) is a reset, so the point's whole
 * value counts. The first point of a series counts whole (the series started at its start time).
 * Pure: the previous state goes in, the next state comes out.
 */
export function toDelta(point: Pick<OtlpDataPoint, 'metric' | 'startTimeUnixNano' | 'timeUnixNano' | 'value'>, previous: SeriesState | null): DeltaResult {
  const value = point.value ?? 0;
  if (point.metric.temporality !== 2) return { delta: value, next: previous, reason: 'delta' };
  const next: SeriesState = { startTimeUnixNano: point.startTimeUnixNano, timeUnixNano: point.timeUnixNano, value };
  if (!previous) return { delta: value, next, reason: 'first' };
  if (previous.startTimeUnixNano !== point.startTimeUnixNano) {
    // A new start time after the previous one is a restart; an older one is a late point of an old series.
    if (BigInt(point.startTimeUnixNano) < BigInt(previous.startTimeUnixNano)) return { delta: 0, next: previous, reason: 'stale' };
    return { delta: value, next, reason: 'reset' };
  }
  if (BigInt(point.timeUnixNano) <= BigInt(previous.timeUnixNano)) return { delta: 0, next: previous, reason: 'stale' };
  if (value < previous.value) return { delta: value, next, reason: 'reset' };
  return { delta: value - previous.value, next, reason: 'increase' };
}
