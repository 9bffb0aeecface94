// npm run bench:download — cached policy downloads per second on loopback.
//
// Starts the console exactly as users do (`npm start`, embedded PostgreSQL in a fresh temporary
// data directory), creates an organization, an API token and a template, then drives
// GET /api/v1/templates/{id}/download with autocannon. Measured side by side in the same run:
// the health endpoint (one trivial query, the framework's ceiling on this machine) and a 304
// revalidation, so the ratios say how much the download path itself costs.
// The last line is `RESULT downloads_per_s=<n> p99_ms=<n>`; the target is ≥ 1,000 downloads/s.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { findFreePort } from '../../lib/db/embedded.ts';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

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

interface Measured {
  rps: number;
  p99: number;
  non2xx: number;
}

async function measure(url: string, headers: Record<string, string>, expectStatus = 200): Promise<Measured> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  const wrong = expectStatus === 200 ? result.non2xx : result.requests.total - (result.statusCodeStats?.[String(expectStatus) as '304']?.count ?? 0);
  return { rps: result.requests.average, p99: result.latency.p99, non2xx: wrong };
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
    const token = admin('create-token', '--email', 'bench@example.com', '--scopes', 'templates:read,templates:write', '--name', 'bench');
    const auth = { Authorization: `Bearer ${token}` };
    const created = await fetch(`${base}/api/v1/templates`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Bench', preset: 'autopilot-development' }),
    });
    const { id } = (await created.json()) as { id: string };
    const url = `${base}/api/v1/templates/${id}/download?format=kiro-project`;
    const first = await fetch(url, { headers: auth });
    const etag = first.headers.get('etag') ?? '';
    if (first.status !== 200 || !etag) throw new Error(`download failed: ${first.status}`);

    const endpoints = {
      health: () => measure(`${base}/api/v1/health`, {}),
      download: () => measure(url, auth),
      revalidate: () => measure(url, { ...auth, 'If-None-Match': etag }, 304),
    };
    console.log(`\nwarming up every endpoint (${CONNECTIONS} connections)…`);
    for (const run of Object.values(endpoints)) await run();
    // Interleaved rounds, median of each: a 2-core machine is noisy, and side by side in one run
    // the ratios stay meaningful even when the absolute numbers drift.
    const samples: Record<keyof typeof endpoints, Measured[]> = { health: [], download: [], revalidate: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, run] of Object.entries(endpoints) as [keyof typeof endpoints, () => Promise<Measured>][]) samples[name].push(await run());
    }
    const median = (list: Measured[]): Measured => [...list].sort((a, b) => a.rps - b.rps)[Math.floor(list.length / 2)]!;
    const health = median(samples.health);
    const download = median(samples.download);
    const revalidate = median(samples.revalidate);
    const errors = Object.values(samples).flat().reduce((sum, m) => sum + m.non2xx, 0);

    const row = (name: string, m: Measured) => `${name.padEnd(30)} ${m.rps.toFixed(0).padStart(7)} req/s   p99 ${String(m.p99).padStart(4)} ms`;
    console.log(`\nmedian of ${ROUNDS} interleaved rounds of ${DURATION_S}s, ${CONNECTIONS} connections, loopback, ${os.cpus().length} cores`);
    console.log(row('health (1 trivial query)', health));
    console.log(row('download 200 (cached bytes)', download));
    console.log(row('download 304 (If-None-Match)', revalidate));
    console.log(`download / health ratio: ${(download.rps / health.rps).toFixed(2)}   304 / 200 ratio: ${(revalidate.rps / download.rps).toFixed(2)}`);
    if (errors) console.log(`WARNING: ${errors} responses had an unexpected status`);
    console.log(`target ≥ 1000 downloads/s: ${download.rps >= 1000 ? 'met' : 'NOT met'}`);
    console.log(`RESULT downloads_per_s=${download.rps.toFixed(0)} p99_ms=${download.p99}`);
  } finally {
    server.kill('SIGINT');
    await new Promise((resolve) => server.once('exit', resolve));
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench:download failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
