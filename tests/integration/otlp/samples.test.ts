import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTLP_SAMPLES_DIR } from '../../helpers/samples';
import { createKey, rollupTotals, setupTeam, storedEvents } from './helpers';
import { startOtlpServer, type OtlpTestServer } from './server';

/** The payloads the real agents POSTed (shared/samples/otlp), sent again as they were: same path, content type, chunked. */
let server: OtlpTestServer;
beforeAll(async () => {
  server = await startOtlpServer();
});
afterAll(async () => {
  await server.close();
});

interface Meta {
  path: string;
  headers: { 'content-type': string };
}

async function replay(file: string, key: string, contentType?: string): Promise<{ status: number; body: string }> {
  const meta = JSON.parse(readFileSync(path.join(OTLP_SAMPLES_DIR, file.replace(/(\.decoded)?\.(json|bin)$/, '.meta.json')), 'utf8')) as Meta;
  const bytes = readFileSync(path.join(OTLP_SAMPLES_DIR, file));
  // Chunked, in pieces, like the agents' exporters sent them.
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 1000) controller.enqueue(new Uint8Array(bytes.subarray(i, i + 1000)));
      controller.close();
    },
  });
  const response = await fetch(`${server.url}/api/otlp${meta.path}`, {
    method: 'POST',
    body,
    duplex: 'half',
    headers: { 'content-type': contentType ?? meta.headers['content-type'], authorization: `Bearer ${key}` },
  } as RequestInit);
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()).toString('utf8') };
}

async function teamWithKey() {
  const setup = await setupTeam();
  return { ...setup, key: await createKey(setup.token, setup.team.id) };
}

describe('captured agent payloads through the receiver', () => {
  it('Claude Code (mock API run, http/json): one Bash command, not two; prompt, performance by model, feature', async () => {
    const { org, team, key } = await teamWithKey();
    expect(await replay('claude-mockapi-logs-json-1.json', key.key)).toEqual({ status: 200, body: '{}' });
    const rows = await storedEvents(org.id);
    expect(rows.map((r) => [r.kind, r.name, r.feature])).toEqual([
      ['feature_used', 'claude_code.user_prompt', 'prompt'],
      ['performance', 'claude_code.api_request', 'claude-opus-4-8'],
      ['command_executed', 'claude_code.tool_result', 'Bash'],
      ['feature_used', 'claude_code.assistant_response', 'assistant_response'],
      ['performance', 'claude_code.api_request', 'claude-opus-4-8'],
    ]);
    expect(rows.find((r) => r.kind === 'command_executed')).toMatchObject({ command: 'ls -la && echo listed', decision: 'auto', dangerous: false, duration_ms: 312, client: 'claude-code', team_id: team.id });
    expect(rows.filter((r) => r.kind === 'performance').map((r) => r.duration_ms)).toEqual([130, 31]);
    expect(await rollupTotals(org.id)).toEqual({ events: 5, commands: 1, dangerous: 0 });
  });

  it('Claude Code http/protobuf: stored, and the same records as JSON afterwards add nothing', async () => {
    const { org, key } = await teamWithKey();
    expect((await replay('claude-mockapi-logs-proto-1.bin', key.key)).status).toBe(200);
    expect((await storedEvents(org.id)).map((r) => [r.kind, r.duration_ms])).toEqual([['feature_used', null], ['performance', 382]]);
    expect((await replay('claude-mockapi-logs-proto-1.decoded.json', key.key, 'application/json')).status).toBe(200);
    expect(await storedEvents(org.id)).toHaveLength(2);
    expect((await replay('claude-logs-proto-1.bin', key.key)).status).toBe(200);
    expect((await replay('claude-logs-json-1.json', key.key)).status).toBe(200);
    expect((await storedEvents(org.id)).filter((r) => r.feature === 'prompt')).toHaveLength(3);
  });

  it('Gemini CLI (mock API run): run_shell_command approved, responses with model and latency, an API error offline', async () => {
    const { org, key } = await teamWithKey();
    expect((await replay('gemini-mockapi-logs-1.json', key.key)).status).toBe(200);
    const rows = await storedEvents(org.id);
    expect(rows).toHaveLength(14); // 15 records; gemini_cli.config is a drift observation, not an event
    expect(rows.filter((r) => r.kind === 'command_executed')).toMatchObject([{ command: 'ls -la && echo listed', decision: 'approved', feature: 'run_shell_command', duration_ms: 569, user_key: 'deaf6659-e460-44ea-bfd7-be8181258b36' }]);
    expect(rows.filter((r) => r.kind === 'performance').map((r) => [r.feature, r.duration_ms])).toEqual([['gemini-2.5-flash', 943], ['gemini-2.5-flash', 19]]);
    const offline = await teamWithKey();
    expect((await replay('gemini-logs-1.json', offline.key.key)).status).toBe(200);
    const errors = (await storedEvents(offline.org.id)).filter((r) => r.kind === 'error');
    expect(errors).toMatchObject([{ name: 'gemini_cli.api_error', duration_ms: 57 }]);
    expect(errors[0]?.message).toMatch(/fetch failed/);
  });

  it('metrics and traces of both agents are accepted (200 {}) and store no events', async () => {
    const { org, key } = await teamWithKey();
    for (const file of ['claude-metrics-json-1.json', 'claude-mockapi-metrics-json-1.json', 'gemini-metrics-1.json', 'gemini-mockapi-metrics-1.json', 'gemini-traces-1.json']) {
      expect(await replay(file, key.key)).toEqual({ status: 200, body: '{}' });
    }
    expect(await storedEvents(org.id)).toEqual([]);
  });
});
