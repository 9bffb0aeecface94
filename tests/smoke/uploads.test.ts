import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '@/lib/db/embedded';

/**
 * Uploads through `npm start` as a cron job sends them: a body over 10 MB (the size at which a
 * proxy-matched path would be silently truncated) must arrive whole, streamed, and a gzip bomb
 * must be refused quickly without harming the server.
 */
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pilotlight-smoke-uploads-'));
let server: ChildProcess | null = null;
afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGINT');
    await new Promise((resolve) => server!.once('exit', resolve));
  }
  const cluster = await fs.realpath(path.join(dataDir, 'postgres')).catch(() => null);
  if (cluster) await fs.rm(cluster, { recursive: true, force: true });
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('uploads through npm start', () => {
  it('ingests a 12 MB upload whole, streams progress to the console, and refuses a gzip bomb', async () => {
    const port = await findFreePort();
    const base = `http://127.0.0.1:${port}`;
    const env = { ...process.env, PORT: String(port), PILOTLIGHT_DATA_DIR: dataDir, DATABASE_URL: '', NEXTAUTH_URL: base, PILOTLIGHT_WORKERS: '1' };
    server = spawn('node_modules/.bin/tsx', ['scripts/start.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    for (let i = 0; ; i++) {
      if (server.exitCode !== null) throw new Error('npm start exited');
      if (i > 1200) throw new Error('the console did not start');
      const ok = await fetch(`${base}/api/v1/health`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const admin = (...args: string[]) => {
      const result = spawnSync('node_modules/.bin/tsx', ['--conditions=react-server', 'scripts/admin.ts', ...args], { env, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(result.stderr);
      return result.stdout.trim().split('\n').at(-1)!;
    };
    admin('create-user', '--email', 'smoke@example.com', '--password', 'a long enough password', '--role', 'owner', '--org', 'Smoke');
    const token = admin('create-token', '--email', 'smoke@example.com', '--scopes', 'events:write,reports:read', '--name', 'smoke');
    const auth = { Authorization: `Bearer ${token}` };

    const lines: string[] = [];
    for (let i = 0; i < 55_000; i++) {
      lines.push(JSON.stringify({ id: `smoke-${i}`, timestamp: '2026-11-02T09:00:00Z', user: `u${i % 90}@example.com`, client: 'kiro-ide', os: 'linux', kind: 'feature_used', feature: 'specs', name: 'spec.created', padding: 'x'.repeat(40) }));
    }
    const body = Buffer.from(`${lines.join('\n')}\n`);
    expect(body.length).toBeGreaterThan(10 * 1024 * 1024);
    const response = await fetch(`${base}/api/v1/uploads`, { method: 'POST', headers: { ...auth, 'X-Filename': 'big.ndjson' }, body });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ format: 'telemetry-ndjson', accepted: 55_000, rejected: 0, bytes: body.length });

    // The console's variant: progress lines, then the result.
    const streamed = await fetch(`${base}/api/v1/uploads`, { method: 'POST', headers: { ...auth, Accept: 'application/x-ndjson', 'X-Filename': 'big.ndjson' }, body });
    const messages = (await streamed.text()).trim().split('\n').map((line) => JSON.parse(line) as { progress?: unknown; status?: number; result?: { duplicates: number } });
    expect(messages.at(-1)).toMatchObject({ status: 201, result: { duplicates: 55_000 } });
    expect(messages.some((m) => m.progress)).toBe(true);

    const bomb = gzipSync(Buffer.alloc(256 * 1024 * 1024));
    const started = Date.now();
    const bombed = await fetch(`${base}/api/v1/uploads`, { method: 'POST', headers: { ...auth, 'X-Filename': 'bomb.gz' }, body: bomb });
    expect(bombed.status).toBe(413);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await fetch(`${base}/api/v1/health`)).ok).toBe(true);
    // Both ingests are listed, and the refused bomb too — as a failed upload with its reason, nothing stored.
    const list = (await (await fetch(`${base}/api/v1/uploads`, { headers: auth })).json()) as { uploads: { status: string; accepted: number; failure: { status: number } | null }[] };
    expect(list.uploads.map((u) => u.status)).toEqual(['failed', 'completed', 'completed']);
    expect(list.uploads[0]).toMatchObject({ accepted: 0, failure: { status: 413 } });
  });
});
