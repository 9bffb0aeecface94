import path from 'node:path';
import { runner } from 'node-pg-migrate';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../prisma/migrations');

/**
 * Applies every pending SQL migration in prisma/migrations. node-pg-migrate takes an advisory
 * lock, so several app instances starting at once apply each migration exactly once; a second
 * process waits for the first instead of failing (parallel admin CLI runs, several workers).
 * Returns the names of the migrations it applied (empty when the database was up to date).
 */
export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
  const applied = await runner({
    databaseUrl,
    dir: MIGRATIONS_DIR,
    migrationsTable: 'pgmigrations',
    direction: 'up',
    count: Infinity,
    checkOrder: true,
    advisoryLockMode: 'wait',
    log: () => {},
  });
  return applied.map((migration) => migration.name);
}
