// The production web server: Next.js's request handler in one worker process per CPU core
// (node:cluster; the workers share the listening socket). Next.js handles a request on one
// thread, so a single process leaves every other core idle; the app is stateless (JWT sessions,
// everything else in PostgreSQL), so workers need nothing from each other.
// Started by scripts/start.ts with DATABASE_URL etc. in the environment. Plain JavaScript so the
// workers run on bare Node without a TypeScript loader.
import cluster from 'node:cluster';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { MALFORMED_PATH_BODY, malformedPath } from './lib/request-guards.mjs';

process.env.NODE_ENV = 'production';
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST || undefined;
const workers = Math.max(1, Number(process.env.PILOTLIGHT_WORKERS) || Math.min(os.availableParallelism(), 8));

if (cluster.isPrimary) {
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  let ready = 0;
  cluster.on('message', (_worker, message) => {
    if (message === 'ready' && ++ready === workers) {
      console.log(`pilotlight: ${workers} worker${workers === 1 ? '' : 's'} listening on port ${port}`);
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A crashed worker is replaced; the others keep serving.
    console.error(`pilotlight: worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} else {
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: path.resolve(import.meta.dirname, '..'), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((request, response) => {
    // The socket's address, for lib/auth/client-address.ts; a client-sent value is overwritten.
    request.headers['x-pilotlight-client-ip'] = request.socket.remoteAddress ?? '';
    if (malformedPath(request.url)) {
      response.writeHead(400, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      response.end(MALFORMED_PATH_BODY);
      return;
    }
    return handle(request, response);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => process.send?.('ready'));
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  // Ctrl-C reaches every process of the terminal's group; the primary coordinates the stop.
  process.on('SIGINT', () => {});
}
