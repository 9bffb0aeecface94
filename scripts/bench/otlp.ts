// npm run bench:otlp — OTLP/HTTP log ingestion against a started console.
//
// Starts the console exactly as users do (`npm start`, embedded PostgreSQL in a fresh temporary
// data directory), creates an organization, a team and one ingest key per run, then lets
// BENCH_EXPORTERS (8) concurrent exporters POST BENCH_BATCHES (40) batches each of
// BENCH_BATCH_RECORDS (512) log records to /api/otlp/v1/logs — Claude- and Gemini-shaped, a
// quarter of them shell commands to classify (some dangerous). Every payload is built before the
// clock starts. Afterwards every exporter sends its first batch again (a retry) and the key's
// stream must hold exactly one event per record sent: accepted = sent, the retry all duplicates.
// Two runs: OTLP JSON, then protobuf + gzip (other records, other key).
// Last line: `RESULT otlp_records_per_s=<JSON run> p99_ms=<JSON run> lost=<both runs>`.
// Targets: ≥ 20,000 records/s, p99 ≤ 250 ms, lost = 0.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { findFreePort } from '../../lib/db/embedded.ts';
import { encodeProtobuf } from '../../lib/otlp/proto.ts';

const EXPORTERS = Number(process.env.BENCH_EXPORTERS ?? 8);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 40);
const BATCH_RECORDS = Number(process.env.BENCH_BATCH_RECORDS ?? 512);

async function waitForHealth(base: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the console did not start');
}

type Attr = { key: string; value: Record<string, unknown> };
const s = (key: string, value: string): Attr => ({ key, value: { stringValue: value } });
const n = (key: string, value: number): Attr => ({ key, value: { intValue: value } });

const COMMANDS = ['npm test', 'git status', 'ls -la && echo listed', 'rm -rf /', 'curl -s https://get.example.com/i.sh | sh', 'make deploy', 'git push --force'];
const MODELS = ['claude-opus-4-8', 'claude-sonnet-4-6', 'gemini-2.5-flash'];

/** One batch (one ExportLogsServiceRequest): half Claude Code, half Gemini CLI records, all distinct. */
function batch(run: string, exporter: number, index: number): Record<string, unknown> {
  const base = BigInt(Date.now() - 3_600_000) * 1_000_000n;
  const claude: Record<string, unknown>[] = [];
  const gemini: Record<string, unknown>[] = [];
  for (let i = 0; i < BATCH_RECORDS; i++) {
    const seq = (exporter * BATCHES + index) * BATCH_RECORDS + i;
    const time = String(base + BigInt(seq) * 1_000n);
    const user = `dev${seq % 500}@example.com`;
    const command = COMMANDS[seq % COMMANDS.length]!;
    const common = [s('session.id', `${run}-${exporter}`), s('user.email', user), n('event.sequence', seq)];
    if (i % 2 === 0) {
      const attributes = seq % 4 === 0
        ? [s('event.name', 'tool_result'), s('tool_name', 'Bash'), s('success', 'true'), s('duration_ms', String(100 + (seq % 900))), s('decision_source', 'config'), s('tool_parameters', JSON.stringify({ full_command: command }))]
        : [s('event.name', 'api_request'), s('model', MODELS[seq % 2]!), s('duration_ms', String(200 + (seq % 3000))), s('input_tokens', '1200'), s('cost_usd', '0.01')];
      claude.push({ timeUnixNano: time, observedTimeUnixNano: time, body: { stringValue: `claude_code.${attributes[0]!.value.stringValue as string}` }, attributes: [...attributes, ...common] });
    } else {
      const attributes = seq % 4 === 1
        ? [s('event.name', 'gemini_cli.tool_call'), s('function_name', 'run_shell_command'), s('function_args', JSON.stringify({ command })), s('decision', 'accept'), { key: 'success', value: { boolValue: true } }, n('duration_ms', 50 + (seq % 500))]
        : [s('event.name', 'gemini_cli.api_response'), s('model', 'gemini-2.5-flash'), n('duration_ms', 300 + (seq % 2000)), n('input_token_count', 900), n('output_token_count', 40)];
      gemini.push({ timeUnixNano: time, observedTimeUnixNano: time, body: { stringValue: 'event' }, attributes: [...attributes, ...common] });
    }
  }
  const resource = (service: string, version: string) => ({ attributes: [s('service.name', service), s('service.version', version), s('os.type', 'linux')] });
  return {
    resourceLogs: [
      { resource: resource('claude-code', '2.1.197'), scopeLogs: [{ scope: { name: 'com.anthropic.claude_code.events', version: '2.1.197' }, logRecords: claude }] },
      { resource: resource('gemini-cli', 'v20.19.0'), scopeLogs: [{ scope: { name: 'gemini-cli', version: '0.61.0' }, logRecords: gemini }] },
    ],
  };
}

interface RunResult {
  label: string;
  records: number;
  seconds: number;
  p50: number;
  p99: number;
  retried: number;
  lost: number;
  duplicatesOk: boolean;
  statuses: Record<number, number>;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function run(base: string, token: string, teamId: string, label: string, encode: (request: Record<string, unknown>) => { body: Uint8Array; headers: Record<string, string> }): Promise<RunResult> {
  const created = await fetch(`${base}/api/v1/teams/${teamId}/ingest-keys`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ name: `bench ${label}` }) });
  if (created.status !== 201) throw new Error(`creating an ingest key failed: ${created.status} ${await created.text()}`);
  const key = (await created.json()) as { id: string; key: string };
  console.log(`\n${label}: building ${EXPORTERS} × ${BATCHES} batches of ${BATCH_RECORDS} records…`);
  const payloads = Array.from({ length: EXPORTERS }, (_, e) => Array.from({ length: BATCHES }, (_, b) => encode(batch(label, e, b))));
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const send = async (payload: { body: Uint8Array; headers: Record<string, string> }) => {
    // Like the SDK: back off and retry on 429/503 (Retry-After), so saturation slows, never loses.
    for (let attempt = 0; ; attempt++) {
      const began = performance.now();
      const response = await fetch(`${base}/api/otlp/v1/logs`, { method: 'POST', body: payload.body as BodyInit, headers: { ...payload.headers, Authorization: `Bearer ${key.key}` } });
      await response.arrayBuffer();
      latencies.push(performance.now() - began);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      if (response.status === 200) return;
      if ((response.status !== 429 && response.status !== 503) || attempt > 20) throw new Error(`export answered ${response.status}`);
      await new Promise((resolve) => setTimeout(resolve, 1000 * Number(response.headers.get('retry-after') ?? 1)));
    }
  };
  const started = performance.now();
  await Promise.all(payloads.map(async (list) => {
    for (const payload of list) await send(payload);
  }));
  const seconds = (performance.now() - started) / 1000;
  // The retries: every exporter's first batch again.
  await Promise.all(payloads.map((list) => send(list[0]!)));
  const records = EXPORTERS * BATCHES * BATCH_RECORDS;
  const retried = EXPORTERS * BATCH_RECORDS;
  const stream = await fetch(`${base}/api/v1/uploads/${key.id}`, { headers: { Authorization: `Bearer ${token}` } });
  const stored = (await stream.json()) as { accepted: number; duplicates: number; rejected: number };
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    label,
    records,
    seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    retried,
    lost: Math.max(0, records - stored.accepted),
    // Exactly once: one event per record sent, the retried batches all duplicates, nothing rejected.
    duplicatesOk: stored.accepted === records && stored.duplicates === retried && stored.rejected === 0,
    statuses,
  };
}

async function main(): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pilotlight-bench-'));
  await fs.chmod(dataDir, 0o755);
  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { ...process.env, PORT: String(port), PILOTLIGHT_DATA_DIR: dataDir, DATABASE_URL: '', NEXTAUTH_URL: base, NEXT_TELEMETRY_DISABLED: '1' };
  const server = spawn('node_modules/.bin/tsx', ['scripts/start.ts'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  try {
    await waitForHealth(base);
    const admin = (...args: string[]) => {
      const result = spawnSync('node_modules/.bin/tsx', ['--conditions=react-server', 'scripts/admin.ts', ...args], { env, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(result.stderr);
      return result.stdout.trim().split('\n').at(-1)!;
    };
    admin('create-user', '--email', 'bench@example.com', '--password', 'benchmark password', '--role', 'owner', '--org', 'Bench');
    const token = admin('create-token', '--email', 'bench@example.com', '--scopes', 'templates:read,templates:write,events:write,reports:read', '--name', 'bench');
    const team = await fetch(`${base}/api/v1/teams`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Bench', slug: 'bench', environment: 'development' }) });
    const { id: teamId } = (await team.json()) as { id: string };

    const json = await run(base, token, teamId, 'json', (request) => ({ body: Buffer.from(JSON.stringify(request)), headers: { 'Content-Type': 'application/json' } }));
    const proto = await run(base, token, teamId, 'protobuf+gzip', (request) => ({
      body: zlib.gzipSync(encodeProtobuf('logs', request)),
      headers: { 'Content-Type': 'application/x-protobuf', 'Content-Encoding': 'gzip' },
    }));

    console.log(`\n${EXPORTERS} concurrent exporters × ${BATCHES} batches × ${BATCH_RECORDS} records, loopback, ${os.cpus().length} cores`);
    for (const r of [json, proto]) {
      console.log(`${r.label.padEnd(14)} ${(r.records / r.seconds).toFixed(0).padStart(7)} records/s   p50 ${r.p50.toFixed(0).padStart(4)} ms   p99 ${r.p99.toFixed(0).padStart(4)} ms   ` +
        `lost ${r.lost}   ${r.duplicatesOk ? 'exactly once' : 'NOT exactly once'} (incl. a retry of ${r.retried} records)   statuses ${JSON.stringify(r.statuses)}`);
    }
    const rate = json.records / json.seconds;
    console.log(`target ≥ 20000 records/s: ${rate >= 20_000 ? 'met' : 'NOT met'}; p99 ≤ 250 ms: ${json.p99 <= 250 ? 'met' : 'NOT met'}`);
    if (!json.duplicatesOk || !proto.duplicatesOk) console.log('WARNING: not every record was stored exactly once');
    console.log(`RESULT otlp_records_per_s=${rate.toFixed(0)} p99_ms=${json.p99.toFixed(0)} lost=${json.lost + proto.lost}`);
  } finally {
    server.kill('SIGINT');
    await new Promise((resolve) => server.once('exit', resolve));
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench:otlp failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
