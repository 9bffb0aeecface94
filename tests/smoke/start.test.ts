import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '@/lib/db/embedded';

/**
 * `npm start` as a user meets it: clear one-line errors, a clean stop on Ctrl-C (SIGINT) that
 * also stops the embedded database, and a restart that reuses the data.
 */
// mkdtemp's 0700, as a data folder under root's home would be: the postgres user cannot enter it.
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pilotlight-smoke-'));
afterAll(async () => {
  // As root the cluster may live outside the data folder (see lib/db/embedded.ts): remove both.
  const cluster = await fs.realpath(path.join(dataDir, 'postgres')).catch(() => null);
  if (cluster) await fs.rm(cluster, { recursive: true, force: true });
  await fs.rm(dataDir, { recursive: true, force: true });
});

function startEnv(port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, PORT: String(port), PILOTLIGHT_DATA_DIR: dataDir, DATABASE_URL: '', NEXTAUTH_URL: `http://localhost:${port}`, ...extra };
}

function runToExit(env: NodeJS.ProcessEnv) {
  return spawnSync('node_modules/.bin/tsx', ['scripts/start.ts'], { env, encoding: 'utf8', timeout: 120_000 });
}

async function waitForHealth(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`npm start exited early with ${child.exitCode}`);
    try {
      const response = await fetch(`http://localhost:${port}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the console did not become healthy');
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('npm start', () => {
  it('says in one line that the port is taken', async () => {
    const blocker = net.createServer();
    const port = await findFreePort();
    await new Promise<void>((resolve) => blocker.listen(port, resolve));
    try {
      const result = runToExit(startEnv(port));
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(`pilotlight: port ${port} is already in use; stop what is using it or set PORT to another port.`);
    } finally {
      blocker.close();
    }
  });

  it('says in one line that the database is unreachable', async () => {
    const result = runToExit(startEnv(await findFreePort(), { DATABASE_URL: 'postgresql://app:secret@127.0.0.1:1/pilotlight' }));
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'pilotlight: cannot reach the database at postgresql://app:***@127.0.0.1:1/pilotlight (ECONNREFUSED); check DATABASE_URL and that the server is running.',
    );
  });

  it('serves, stops cleanly on Ctrl-C with its embedded database, and reuses the data on the next start', async () => {
    const port = await findFreePort();
    const first = spawn('node_modules/.bin/tsx', ['scripts/start.ts'], { env: startEnv(port), stdio: 'pipe' });
    let output = '';
    first.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    first.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitForHealth(port, first);
    expect((await fetch(`http://localhost:${port}/setup`)).status).toBe(200);
    // The URL is printed once the server answers, pointing a fresh install at /setup.
    await expect.poll(() => output, { timeout: 60_000 }).toContain(`pilotlight: ready: open http://localhost:${port}/setup to create your organization and its owner.`);
    const postmasterPid = path.join(dataDir, 'postgres', 'postmaster.pid');
    expect(existsSync(postmasterPid)).toBe(true);

    first.kill('SIGINT');
    expect(await exitOf(first)).toBe(0);
    expect(output).toContain('pilotlight: stopped.');
    expect(existsSync(postmasterPid)).toBe(false); // the embedded cluster shut down too
    await expect(fetch(`http://localhost:${port}/api/v1/health`)).rejects.toThrow();

    // The admin CLI starts the stopped cluster itself, writes, and stops it again.
    const cli = spawnSync('node_modules/.bin/tsx', ['--conditions=react-server', 'scripts/admin.ts', 'create-user', '--email', 'smoke@example.com', '--password', 'a long enough password', '--role', 'owner', '--org', 'Smoke'], {
      env: startEnv(port),
      encoding: 'utf8',
    });
    expect(cli.status).toBe(0);
    expect(existsSync(postmasterPid)).toBe(false);

    const second = spawn('node_modules/.bin/tsx', ['scripts/start.ts'], { env: startEnv(port), stdio: 'pipe' });
    let secondOutput = '';
    second.stdout.on('data', (chunk: Buffer) => (secondOutput += chunk.toString()));
    second.stderr.resume();
    await waitForHealth(port, second);
    expect((await fetch(`http://localhost:${port}/setup`)).status).toBe(404); // the user from before exists
    await expect.poll(() => secondOutput, { timeout: 60_000 }).toContain(`pilotlight: ready: http://localhost:${port}\n`);
    second.kill('SIGTERM');
    expect(await exitOf(second)).toBe(0);
  });
});
