// `prisma generate` without network access: every prisma CLI command first looks for the native
// schema engine and tries to download it, although generate never uses it. Pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips the download.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const env: NodeJS.ProcessEnv = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

const prismaBin = path.resolve('node_modules/.bin/prisma');
const result = spawnSync(prismaBin, ['generate', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
