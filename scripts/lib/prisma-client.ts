import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs `prisma generate` (offline, see scripts/prisma-generate.ts); throws when it fails. */
export function generatePrismaClient(env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/prisma-generate.ts')], {
    cwd: ROOT,
    stdio: 'inherit',
    env,
  });
  if (result.status !== 0) throw new Error(`prisma generate failed (exit code ${result.status ?? result.signal}).`);
}

/** Scripts that import lib/ directly need the generated client, which a fresh clone lacks. */
export function ensurePrismaClient(): void {
  if (!existsSync(path.join(ROOT, 'lib/generated/prisma/client.ts'))) generatePrismaClient();
}
