import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Everything `next build` reads from this repository; a change to any of it needs a new build. */
const BUILD_INPUTS = [
  'app',
  'components',
  'lib',
  'public',
  'types',
  'proxy.ts',
  'next.config.js',
  'postcss.config.mjs',
  'tsconfig.json',
  'package-lock.json',
  'prisma/schema.prisma',
];
const SKIP_DIRS = new Set(['generated', 'node_modules']);

function* files(entry: string): Generator<string> {
  if (!existsSync(entry)) return;
  if (statSync(entry).isFile()) {
    yield entry;
    return;
  }
  for (const name of readdirSync(entry).sort()) {
    if (SKIP_DIRS.has(name)) continue;
    yield* files(path.join(entry, name));
  }
}

/** sha256 over the paths and contents of the build inputs (contents, not mtimes: clones differ). */
export function sourceHash(root: string): string {
  const hash = createHash('sha256');
  for (const input of BUILD_INPUTS) {
    for (const file of files(path.join(root, input))) {
      hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex');
}
