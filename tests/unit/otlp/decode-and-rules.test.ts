import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asBoolean, asCount, asJsonObject, asNumber, nanosToIso } from '@/lib/otlp/coerce';
import { decodeLogs, decodeMetrics, encodingOf, OtlpDecodeError } from '@/lib/otlp/decode';
import { claudeDecision, detectAgent, geminiDecision, normaliseLogs } from '@/lib/otlp/normalise';
import { toDelta, type SeriesState } from '@/lib/otlp/temporality';
import type { OtlpDataPoint } from '@/lib/otlp/types';
import { OTLP_SAMPLES_DIR } from '../../helpers/samples';

const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));

describe('coercion', () => {
  it.each([[845, 845], ['845', 845], [845.0, 845], ['845.0', 845], [' 12 ', 12], ['', null], ['abc', null], [null, null], [true, null]] as const)(
    'asNumber(%j) = %j', (input, out) => expect(asNumber(input)).toBe(out));
  it.each([[true, true], ['true', true], ['TRUE', true], ['1', true], [1, true], [false, false], ['false', false], ['0', false], [0, false], ['yes', null], [null, null]] as const)(
    'asBoolean(%j) = %j', (input, out) => expect(asBoolean(input)).toBe(out));
  it('asCount rounds and refuses negatives', () => {
    expect(asCount('312.4')).toBe(312);
    expect(asCount(-1)).toBeNull();
  });
  it('JSON-string attributes are parsed a second time', () => {
    expect(asJsonObject('{"command":"ls"}')).toEqual({ command: 'ls' });
    expect(asJsonObject('not json')).toBeNull();
    expect(asJsonObject('[1]')).toBeNull();
    expect(asJsonObject({ command: 'ls' })).toEqual({ command: 'ls' });
  });
  it('nanoseconds → ISO', () => {
    expect(nanosToIso('1796191855115000000')).toBe('2026-12-02T06:10:55.115Z');
    expect(nanosToIso('0')).toBeNull();
  });
});

describe('OTLP JSON mapping', () => {
  const record = {
    timeUnixNano: 1796191855115000000n.toString(), observedTimeUnixNano: 1796191855115000000, severityNumber: 'SEVERITY_NUMBER_INFO',
    traceId: '5B8EFFF798038103D269B633813FC60C', spanId: 'EEE19B7EC3C1B174', flags: 1, eventName: 'x', unknownField: { a: 1 },
    body: { kvlistValue: { values: [{ key: 'k', value: { arrayValue: { values: [{ intValue: '9007199254740993' }, { bytesValue: 'AQI=' }, { doubleValue: '1.5' }, {}] } } }] } },
    attributes: [{ key: 'i', value: { intValue: '42' } }, { key: 'e', value: {} }],
  };
  it('int64 as string or number, hex ids, enum names, AnyValue kinds, unknown fields ignored', () => {
    const d = decodeLogs(enc({ resourceLogs: [{ resource: {}, scopeLogs: [{ logRecords: [record] }], extra: true }] }), 'json');
    const r = d.records[0];
    expect(r).toMatchObject({ timeUnixNano: '1796191855115000000', severityNumber: 9, traceId: '5b8efff798038103d269b633813fc60c', spanId: 'eee19b7ec3c1b174', flags: 1, eventName: 'x' });
    expect(r?.body).toEqual({ k: ['9007199254740993', new Uint8Array([1, 2]), 1.5, null] });
    expect(r?.attributes).toEqual({ i: 42, e: null });
  });
  it('empty body and {} are empty requests', () => {
    expect(decodeLogs(new Uint8Array(), 'json').records).toEqual([]);
    expect(decodeMetrics(enc({}), 'json').points).toEqual([]);
    expect(decodeLogs(new Uint8Array(), 'protobuf').records).toEqual([]);
  });
  it('content types', () => {
    expect(encodingOf('application/json; charset=utf-8')).toBe('json');
    expect(encodingOf('Application/X-Protobuf')).toBe('protobuf');
    expect(encodingOf('text/plain')).toBeNull();
    expect(encodingOf(undefined)).toBeNull();
  });
  it('metric temporality given as an enum name is accepted', () => {
    const d = decodeMetrics(enc({ resourceMetrics: [{ scopeMetrics: [{ metrics: [{ name: 'm', sum: { aggregationTemporality: 'AGGREGATION_TEMPORALITY_CUMULATIVE', dataPoints: [{ asInt: '5' }] } }] }] }] }), 'json');
    expect(d.points[0]).toMatchObject({ value: 5, metric: { temporality: 2, type: 'sum' } });
  });
});

describe('bad input → OtlpDecodeError', () => {
  const bad = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(OtlpDecodeError);
      return error as OtlpDecodeError;
    }
    throw new Error('expected an OtlpDecodeError');
  };
  it('truncated protobuf', () => {
    const body = new Uint8Array(readFileSync(path.join(OTLP_SAMPLES_DIR, 'claude-mockapi-logs-proto-1.bin')));
    expect(bad(() => decodeLogs(body.subarray(0, body.length - 7), 'protobuf')).code).toBe('invalid_protobuf');
    expect(bad(() => decodeMetrics(new Uint8Array([0x0a, 0xff]), 'protobuf')).code).toBe('invalid_protobuf');
  });
  it('not JSON, not UTF-8', () => {
    expect(bad(() => decodeLogs(enc('{"resourceLogs":'), 'json')).code).toBe('invalid_json');
    expect(bad(() => decodeLogs(new Uint8Array([0xff, 0xfe]), 'json')).code).toBe('invalid_json');
  });
  it.each([
    [[], ''],
    [{ resourceLogs: {} }, 'resourceLogs'],
    [{ resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: 'soon' }] }] }] }, 'resourceLogs[0].scopeLogs[0].logRecords[0].timeUnixNano'],
    [{ resourceLogs: [{ scopeLogs: [{ logRecords: [{ traceId: 'xyz' }] }] }] }, 'resourceLogs[0].scopeLogs[0].logRecords[0].traceId'],
    [{ resourceLogs: [{ scopeLogs: [{ logRecords: [{ attributes: [{ key: 1 }] }] }] }] }, 'resourceLogs[0].scopeLogs[0].logRecords[0].attributes[0].key'],
  ])('wrong JSON shape %j → path %s', (body, path) => {
    const e = bad(() => decodeLogs(enc(body), 'json'));
    expect(e.code).toBe('invalid_shape');
    expect(e.path).toBe(path);
  });
});

describe('decisions and agents', () => {
  it.each([['config', 'accept', 'auto'], ['hook', 'accept', 'auto'], [null, null, 'auto'], ['user_permanent', 'accept', 'approved'],
    ['user_temporary', 'accept', 'approved'], ['user_reject', 'reject', 'denied'], ['user_abort', 'reject', 'denied'], ['config', 'reject', 'denied']] as const)(
    'Claude source %s decision %s → %s', (source, decision, out) => expect(claudeDecision(source, decision)).toBe(out));
  it.each([['accept', 'approved'], ['modify', 'approved'], ['auto_accept', 'auto'], [null, 'auto'], ['reject', 'denied']] as const)(
    'Gemini %s → %s', (decision, out) => expect(geminiDecision(decision)).toBe(out));
  it('agent detection', () => {
    expect(detectAgent({ 'service.name': 'claude-code-desktop' })).toBe('claude-code');
    expect(detectAgent({ 'service.name': 'gemini-cli' })).toBe('gemini-cli');
    expect(detectAgent({ 'kiro.profile.arn': 'arn:aws:codewhisperer:us-east-1:1:profile/X' })).toBe('kiro');
    expect(detectAgent({ 'service.name': 'other' })).toBeNull();
  });
  it('Claude: rejected Bash tool_decision is a denied command (bash_command fallback); permission_mode_changed is drift; unknown agents are skipped', () => {
    const rec = (attributes: Record<string, unknown>) => ({ timeUnixNano: '1796191855115000000', body: { stringValue: 'x' },
      attributes: Object.entries(attributes).map(([key, v]) => ({ key, value: typeof v === 'string' ? { stringValue: v } : v })) });
    const body = { resourceLogs: [
      { resource: { attributes: [{ key: 'service.name', value: { stringValue: 'claude-code' } }] }, scopeLogs: [{ logRecords: [
        rec({ 'event.name': 'tool_decision', tool_name: 'Bash', decision: 'reject', source: 'user_reject', tool_parameters: '{"bash_command":"rm"}', 'user.email': 'a@b.c' }),
        rec({ 'event.name': 'permission_mode_changed', from_mode: 'default', to_mode: 'bypassPermissions', 'session.id': 's1' }),
        rec({ 'event.name': 'tool_result', tool_name: 'Bash', success: 'false', duration_ms: '12', error: 'exit 1', tool_parameters: '{"full_command":"make test"}', decision_source: 'user_temporary' }),
      ] }] },
      { resource: { attributes: [{ key: 'service.name', value: { stringValue: 'nginx' } }] }, scopeLogs: [{ logRecords: [rec({})] }] },
    ] };
    const n = normaliseLogs(decodeLogs(enc(body), 'json'));
    expect(n.skipped).toBe(1);
    expect(n.events[0]).toMatchObject({ kind: 'command_executed', command: 'rm', decision: 'denied', identity: { email: 'a@b.c' } });
    expect(n.drift).toMatchObject([{ agent: 'claude-code', field: 'permissionMode', observed: 'bypassPermissions', identity: { session: 's1' } }]);
    expect(n.events.slice(1)).toMatchObject([
      { kind: 'command_executed', command: 'make test', decision: 'approved', success: false, durationMs: 12 },
      { kind: 'error', message: 'Bash failed: exit 1' },
    ]);
    // a retried export (same records) yields the same ids
    expect(normaliseLogs(decodeLogs(enc(body), 'json')).events.map((e) => e.id)).toEqual(n.events.map((e) => e.id));
  });
});

describe('temporality', () => {
  const point = (temporality: 0 | 1 | 2, start: string, time: string, value: number): Pick<OtlpDataPoint, 'metric' | 'startTimeUnixNano' | 'timeUnixNano' | 'value'> => ({
    metric: { name: 'm', unit: '', description: '', type: 'sum', temporality, isMonotonic: true }, startTimeUnixNano: start, timeUnixNano: time, value,
  });
  it('delta points are taken as they are', () => {
    expect(toDelta(point(1, '1', '2', 5), null)).toEqual({ delta: 5, next: null, reason: 'delta' });
  });
  it('cumulative: first, increase, repeat (stale), reset on a new start time, reset on a lower value, late old series', () => {
    let state: SeriesState | null = null;
    const steps: Array<[string, string, number, number, string]> = [
      ['100', '110', 2, 2, 'first'], ['100', '120', 5, 3, 'increase'], ['100', '120', 5, 0, 'stale'], ['200', '210', 1, 1, 'reset'],
      ['200', '220', 4, 3, 'increase'], ['100', '130', 9, 0, 'stale'], ['200', '230', 2, 2, 'reset'],
    ];
    for (const [start, time, value, delta, reason] of steps) {
      const r = toDelta(point(2, start, time, value), state);
      expect([r.delta, r.reason]).toEqual([delta, reason]);
      state = r.next;
    }
    expect(state).toEqual({ startTimeUnixNano: '200', timeUnixNano: '230', value: 2 });
  });
});

describe('series keys', () => {
  it('one key per metric + attribute set (order-independent), across requests', async () => {
    const { seriesKey } = await import('@/lib/otlp/temporality');
    const file = path.join(OTLP_SAMPLES_DIR, 'gemini-mockapi-metrics-1.json');
    const points = decodeMetrics(new Uint8Array(readFileSync(file)), 'json').points;
    const keys = points.map(seriesKey);
    expect(new Set(keys).size).toBe(points.length);
    const again = decodeMetrics(new Uint8Array(readFileSync(file)), 'json').points.map((p) => ({ ...p, attributes: Object.fromEntries(Object.entries(p.attributes).reverse()) }));
    expect(again.map(seriesKey)).toEqual(keys);
  });
});
