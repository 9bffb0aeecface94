import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeLogs, decodeMetrics } from '@/lib/otlp/decode';
import { mapLogsRequest } from '@/lib/otlp/mapping';
import { normaliseLogs } from '@/lib/otlp/normalise';
import { OTLP_SAMPLES_DIR } from '../../helpers/samples';

const dir = OTLP_SAMPLES_DIR;
const bytes = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));
const meta = (name: string) => JSON.parse(readFileSync(path.join(dir, name.replace(/\.(json|bin)$/, '.meta.json')), 'utf8')) as {
  path: string; headers: { 'content-type': string }; wire_bytes: number;
};
const names = (d: ReturnType<typeof decodeLogs>) => d.records.map((r) => r.attributes['event.name']);

describe('captured payloads decode', () => {
  const logs: Array<[string, number]> = [
    ['claude-logs-json-1.json', 1], ['claude-logs-proto-1.bin', 1], ['claude-mockapi-logs-json-1.json', 6],
    ['claude-mockapi-logs-proto-1.bin', 3], ['gemini-logs-1.json', 9], ['gemini-mockapi-logs-1.json', 15],
  ];
  it.each(logs)('%s: %i log records, as its meta file says it was sent', (file, count) => {
    const m = meta(file);
    expect(m.path).toBe('/v1/logs');
    const body = bytes(file);
    expect(body.length).toBe(m.wire_bytes);
    const d = decodeLogs(body, m.headers['content-type'] === 'application/json' ? 'json' : 'protobuf');
    expect(d.records).toHaveLength(count);
    for (const r of d.records) {
      expect(r.timeUnixNano).toMatch(/^17\d{17}$/);
      expect(typeof r.resource['service.name']).toBe('string');
    }
  });

  it.each(['claude-logs-proto-1', 'claude-mockapi-logs-proto-1'])('%s: protobuf decodes to the same records as its decoded JSON', (stem) => {
    const fromProto = decodeLogs(bytes(`${stem}.bin`), 'protobuf');
    const fromJson = mapLogsRequest(JSON.parse(readFileSync(path.join(dir, `${stem}.decoded.json`), 'utf8')));
    expect(fromProto).toEqual(fromJson);
    expect(fromProto.records[0]?.attributes['event.sequence']).toBe(0); // an int64, as a number
  });

  it('Claude protobuf and JSON runs of the same kind decode to the same record shapes', () => {
    const json = decodeLogs(bytes('claude-logs-json-1.json'), 'json').records[0];
    const proto = decodeLogs(bytes('claude-logs-proto-1.bin'), 'protobuf').records[0];
    expect(proto && json && Object.keys(proto.attributes).sort()).toEqual(json && Object.keys(json.attributes).sort());
    expect(proto?.attributes.prompt_length).toBe('6');
    expect(json?.attributes.prompt_length).toBe('6');
    expect(proto?.body).toBe(json?.body);
    expect(proto?.scope).toEqual(json?.scope);
    expect(proto?.resource).toEqual(json?.resource);
    const mockJson = decodeLogs(bytes('claude-mockapi-logs-json-1.json'), 'json');
    const mockProto = decodeLogs(bytes('claude-mockapi-logs-proto-1.bin'), 'protobuf');
    expect(names(mockProto)).toEqual(names(mockJson).slice(0, 3));
    expect(mockProto.records[1]?.attributes.tool_parameters).toBe(mockJson.records[1]?.attributes.tool_parameters);
  });

  it('Gemini empty attribute values decode to null and arrays to arrays', () => {
    const d = decodeLogs(bytes('gemini-mockapi-logs-1.json'), 'json');
    const config = d.records.find((r) => r.attributes['event.name'] === 'gemini_cli.config');
    expect(config?.attributes.mcp_tools).toBeNull();
    const response = d.records.find((r) => r.attributes['event.name'] === 'gemini_cli.api_response');
    expect(response?.attributes.finish_reasons).toEqual(['stop']);
    expect(config?.resource['service.name']).toBe('gemini-cli');
  });

  const metrics: Array<[string, number, number]> = [
    ['claude-metrics-json-1.json', 1, 1], ['claude-mockapi-metrics-json-1.json', 7, 1],
    ['gemini-metrics-1.json', 16, 2], ['gemini-mockapi-metrics-1.json', 23, 2],
  ];
  it.each(metrics)('%s: %i data points, temporality %i', (file, count, temporality) => {
    expect(meta(file).path).toBe('/v1/metrics');
    const d = decodeMetrics(bytes(file), 'json');
    expect(d.points).toHaveLength(count);
    for (const p of d.points) expect(p.metric.temporality).toBe(temporality);
  });

  it('metric values: Claude token.usage by type, Gemini histogram counts', () => {
    const c = decodeMetrics(bytes('claude-mockapi-metrics-json-1.json'), 'json');
    const tokens = c.points.filter((p) => p.metric.name === 'claude_code.token.usage');
    expect(tokens.map((p) => p.attributes.type).sort()).toEqual(['cacheCreation', 'cacheRead', 'input', 'output']);
    expect(tokens.every((p) => typeof p.value === 'number')).toBe(true);
    const cost = c.points.find((p) => p.metric.name === 'claude_code.cost.usage');
    expect(cost?.metric.unit).toBe('USD');
    const g = decodeMetrics(bytes('gemini-mockapi-metrics-1.json'), 'json');
    const latency = g.points.find((p) => p.metric.name === 'gemini_cli.api.request.latency');
    expect(latency?.metric.type).toBe('histogram');
    expect(latency?.count).toBeGreaterThan(0);
    expect(latency?.bucketCounts.reduce((a, b) => a + b, 0)).toBe(latency?.count);
  });
});

describe('captured payloads normalise', () => {
  it('Claude mock API run: one Bash command (decision auto from source config), prompt length, performance', () => {
    const n = normaliseLogs(decodeLogs(bytes('claude-mockapi-logs-json-1.json'), 'json'));
    expect(n.skipped).toBe(0);
    const commands = n.events.filter((e) => e.kind === 'command_executed');
    expect(commands).toHaveLength(2); // tool_decision and tool_result of the same tool_use_id
    for (const c of commands) {
      expect(c).toMatchObject({ command: 'ls -la && echo listed', tool: 'Bash', decision: 'auto', agent: 'claude-code', toolUseId: 'toolu_mock_1796191855230' });
      expect(c.identity.session).toBe('452c7de1-d67e-4e74-ba55-6a0af06bee53');
    }
    expect(commands[1]).toMatchObject({ success: true, durationMs: 312, name: 'claude_code.tool_result' });
    const prompt = n.events.find((e) => e.kind === 'prompt');
    expect(prompt).toMatchObject({ length: 6, text: null, timestamp: '2026-12-02T06:10:55.115Z', clientVersion: '2.1.197', os: 'linux 6.18.44-fc-v1045' });
    const perf = n.events.filter((e) => e.kind === 'performance');
    expect(perf).toHaveLength(2);
    expect(perf[0]).toMatchObject({ durationMs: 130, model: 'claude-opus-4-8', inputTokens: 1200, outputTokens: 25, cacheReadTokens: 900, cacheCreationTokens: 300, costUsd: 0.00895 });
    expect(n.events.find((e) => e.kind === 'feature_used')).toMatchObject({ feature: 'assistant_response' });
  });

  it('Claude JSON and protobuf of the same records give the same events and ids', () => {
    const proto = normaliseLogs(decodeLogs(bytes('claude-mockapi-logs-proto-1.bin'), 'protobuf'));
    const decoded = normaliseLogs(mapLogsRequest(JSON.parse(readFileSync(path.join(dir, 'claude-mockapi-logs-proto-1.decoded.json'), 'utf8'))));
    expect(proto).toEqual(decoded);
    expect(proto.events.find((e) => e.kind === 'command_executed')).toMatchObject({ command: 'ls -la && echo listed', decision: 'auto' });
    expect(new Set(proto.events.map((e) => e.id)).size).toBe(proto.events.length);
  });

  it('Gemini mock API run: run_shell_command with function_args.command, accept → approved; config drift', () => {
    const n = normaliseLogs(decodeLogs(bytes('gemini-mockapi-logs-1.json'), 'json'));
    expect(n.skipped).toBe(0);
    const commands = n.events.filter((e) => e.kind === 'command_executed');
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatchObject({ command: 'ls -la && echo listed', decision: 'approved', success: true, durationMs: 569, agent: 'gemini-cli' });
    expect(commands[0]?.identity).toMatchObject({ session: 'fe8ad536-f813-4654-bd96-01336c3956e5', installationId: 'deaf6659-e460-44ea-bfd7-be8181258b36' });
    expect(n.events.find((e) => e.kind === 'prompt')).toMatchObject({ length: 19, text: 'list the files here' });
    const perf = n.events.filter((e) => e.kind === 'performance');
    expect(perf[0]).toMatchObject({ durationMs: 943, model: 'gemini-2.5-flash', inputTokens: 1200, outputTokens: 25, totalTokens: 1225 });
    const drift = Object.fromEntries(n.drift.map((d) => [d.field, d.observed]));
    expect(drift).toEqual({ approvalMode: 'yolo', sandbox: true, coreTools: '', logPrompts: true, mcpServers: '' });
  });

  it('Gemini offline run: api_error is an error event; Claude offline run: the prompt', () => {
    const g = normaliseLogs(decodeLogs(bytes('gemini-logs-1.json'), 'json'));
    const errors = g.events.filter((e) => e.kind === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.name).toBe('gemini_cli.api_error');
    expect(errors[0]?.kind === 'error' && errors[0].message.length).toBeGreaterThan(0);
    const c = normaliseLogs(decodeLogs(bytes('claude-logs-json-1.json'), 'json'));
    expect(c.events).toMatchObject([{ kind: 'prompt', length: 6, text: null, identity: { session: '22b79904-8489-44a9-964e-f8b173fbee13' } }]);
  });
});

describe('protobuf metrics', () => {
  it.each(['claude-mockapi-metrics-json-1.json', 'gemini-mockapi-metrics-1.json', 'gemini-metrics-1.json'])(
    '%s re-encoded as protobuf decodes to the same points', async (file) => {
      const { encodeProtobuf } = await import('@/lib/otlp/proto');
      const json = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
      expect(decodeMetrics(encodeProtobuf('metrics', json), 'protobuf')).toEqual(decodeMetrics(bytes(file), 'json'));
    });
  it.each(['gemini-mockapi-logs-1.json', 'claude-mockapi-logs-json-1.json'])('%s re-encoded as protobuf decodes to the same records', async (file) => {
    const { encodeProtobuf } = await import('@/lib/otlp/proto');
    const json = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
    expect(decodeLogs(encodeProtobuf('logs', json), 'protobuf')).toEqual(decodeLogs(bytes(file), 'json'));
  });
});
