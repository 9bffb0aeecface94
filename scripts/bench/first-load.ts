import fs from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';

/**
 * The scripts a route's HTML loads before it is interactive, from a `next build` (Turbopack):
 * the shared root chunks (build-manifest rootMainFiles) and every entry chunk of the route's
 * segments (layouts, page, error and not-found boundaries) in its client reference manifest.
 * Chunks imported lazily (next/dynamic) are not in either list.
 */
export async function firstLoadChunks(nextDir: string, route: string): Promise<string[]> {
  const build = JSON.parse(await fs.readFile(path.join(nextDir, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
  const appPaths = JSON.parse(await fs.readFile(path.join(nextDir, 'app-path-routes-manifest.json'), 'utf8')) as Record<string, string>;
  const page = Object.entries(appPaths).find(([, r]) => r === route)?.[0];
  if (!page) return [];
  const file = path.join(nextDir, 'server/app', `${page}_client-reference-manifest.js`);
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(await fs.readFile(file, 'utf8'), sandbox);
  const manifest = sandbox.__RSC_MANIFEST?.[page];
  const entries = Object.values(manifest?.entryJSFiles ?? {}).flat();
  return [...new Set([...build.rootMainFiles, ...entries])];
}
