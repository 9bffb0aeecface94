// `npm start`: resolve the database (DATABASE_URL, or an embedded PostgreSQL in
// PILOTLIGHT_DATA_DIR), apply migrations, build when the source changed since the last build,
// then serve on PORT. Ctrl-C stops the web server first and the embedded database second.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { defaultDataDir, openDatabase, type DatabaseHandle } from '../lib/db/embedded.ts';
import { migrateDatabase } from '../lib/db/migrate.ts';
import { generatePrismaClient } from './lib/prisma-client.ts';
import { sourceHash } from './lib/source-hash.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const NEXT_BIN = path.join(ROOT, 'node_modules/.bin/next');
const BUILD_STAMP = path.join(ROOT, '.next/pilotlight-source-hash');
const devMode = process.argv.includes('--dev');

class StartError extends Error {}

function log(message: string): void {
  console.log(`pilotlight: ${message}`);
}

function parsePort(): number {
  const raw = process.env.PORT ?? '3000';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new StartError(`PORT must be a number from 1 to 65535, not "${raw}".`);
  return port;
}

function assertPortFree(port: number, host: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new StartError(
          error.code === 'EADDRINUSE'
            ? `port ${port} is already in use; stop what is using it or set PORT to another port.`
            : `cannot listen on port ${port}: ${error.message}`,
        ),
      ),
    );
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

async function assertDatabaseReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new StartError(`cannot reach the database at ${redact(url)} (${reason}); check DATABASE_URL and that the server is running.`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** NEXTAUTH_SECRET signs session cookies; generated once and kept with the data when not given. */
function sessionSecret(dataDir: string): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env });
  if (result.status !== 0) throw new StartError(`${path.basename(command)} ${args.join(' ')} failed (exit code ${result.status ?? result.signal}).`);
}

/** The server runs the build's bundle; the generated Prisma client is needed only to build it. */
function buildIfNeeded(env: NodeJS.ProcessEnv): void {
  const current = sourceHash(ROOT);
  const built = existsSync(path.join(ROOT, '.next/BUILD_ID')) && existsSync(BUILD_STAMP) ? readFileSync(BUILD_STAMP, 'utf8').trim() : null;
  if (built === current) return;
  log(
    built
      ? 'the source changed since the last build; rebuilding the console with `next build` (a few minutes on a small machine)…'
      : 'first start: building the console with `next build` (a few minutes on a small machine; later starts skip this unless the source changes)…',
  );
  generatePrismaClient(env);
  run(NEXT_BIN, ['build'], env);
  writeFileSync(BUILD_STAMP, `${sourceHash(ROOT)}\n`);
}

function waitForExit(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 0 : 1))));
}

/**
 * Prints the URL only once the server answers, so what a person clicks works; on a fresh
 * install (no user yet) it is the one-time /setup page.
 */
async function announceWhenReady(server: ChildProcess, port: number, databaseUrl: string, stopping: () => boolean): Promise<void> {
  const base = `http://localhost:${port}`;
  while (server.exitCode === null && !stopping()) {
    try {
      const response = await fetch(`${base}/api/v1/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (server.exitCode !== null || stopping()) return;
  const client = new pg.Client({ connectionString: databaseUrl });
  let fresh = false;
  try {
    await client.connect();
    fresh = (await client.query('SELECT NOT EXISTS (SELECT 1 FROM app_user) AS fresh')).rows[0]?.fresh === true;
  } catch {
    // the URL without the hint is still right
  } finally {
    await client.end().catch(() => {});
  }
  log(fresh ? `ready: open ${base}/setup to create your organization and its owner.` : `ready: ${base}`);
}

async function main(): Promise<number> {
  const port = parsePort();
  const host = process.env.HOST;
  const dataDir = defaultDataDir();
  await assertPortFree(port, host);

  let database: DatabaseHandle;
  try {
    database = await openDatabase({ dataDir });
  } catch (error) {
    throw new StartError(error instanceof Error ? error.message : String(error));
  }
  let server: ChildProcess | null = null;
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received; stopping…`);
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await waitForExit(server);
    }
    await database.stop();
    log('stopped.');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal));

  try {
    if (database.source === 'external') await assertDatabaseReachable(database.url);
    const applied = await migrateDatabase(database.url);
    if (applied.length) log(`applied migrations: ${applied.join(', ')}`);

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: sessionSecret(dataDir),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: '1',
    };
    if (!devMode) buildIfNeeded(env);
    if (stopping) return 0;

    server = devMode
      ? spawn(NEXT_BIN, ['dev', '-p', String(port), ...(host ? ['-H', host] : [])], { cwd: ROOT, stdio: 'inherit', env })
      : spawn(process.execPath, [path.join(ROOT, 'scripts/serve.mjs')], { cwd: ROOT, stdio: 'inherit', env: { ...env, PORT: String(port) } });
    const cluster = database.clusterDir && !database.clusterDir.startsWith(dataDir) ? `, cluster in ${database.clusterDir} where the postgres user can reach it` : '';
    const where = database.source === 'external' ? redact(database.url) : `embedded PostgreSQL in ${dataDir}${cluster}`;
    log(`starting the web server (database: ${where})…`);
    void announceWhenReady(server, port, database.url, () => stopping);
    const code = await waitForExit(server);
    if (stopping) return new Promise(() => {}); // shutdown() exits
    await database.stop();
    return code;
  } catch (error) {
    await database.stop();
    throw error;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof StartError) console.error(`pilotlight: ${error.message}`);
    else console.error(`pilotlight: failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
