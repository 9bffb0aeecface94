import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs/promises';
import { openEmbeddedDatabase, type DatabaseHandle } from '../../lib/db/embedded';
import { createScratchDatabase, dropScratchDatabase } from './scratch-database';

/**
 * Integration tests run against a real PostgreSQL: by default an embedded cluster in a temporary
 * directory; with DATABASE_URL set, a fresh scratch database on that server (dropped afterwards)
 * so the given database is never touched. Workers inherit DATABASE_URL.
 *
 * The temporary directory keeps mkdtemp's 0700: as root this exercises the path where the
 * `postgres` user cannot enter the data folder, as in a checkout under root's home.
 */
export default async function setup(): Promise<() => Promise<void>> {
  let cluster: DatabaseHandle | null = null;
  let dataDir: string | null = null;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pilotlight-test-'));
    cluster = await openEmbeddedDatabase(dataDir, 'postgres');
    serverUrl = cluster.url;
  }
  const scratch = await createScratchDatabase(serverUrl, 'pl_test');
  process.env.DATABASE_URL = scratch;
  process.env.PILOTLIGHT_TEST_SERVER_URL = serverUrl;
  return async () => {
    await dropScratchDatabase(serverUrl, scratch).catch(() => {});
    await cluster?.stop();
    if (cluster?.clusterDir) await fs.rm(cluster.clusterDir, { recursive: true, force: true });
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  };
}
