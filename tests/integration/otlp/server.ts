import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import * as bearerRoute from '@/app/api/otlp/v1/[signal]/route';
import * as pathKeyRoute from '@/app/api/otlp/k/[key]/v1/[signal]/route';

/**
 * A real HTTP server in front of the OTLP route handlers, as Next.js would call them: the
 * OpenTelemetry SDK exporters (and fetch) talk to it over a socket, with their own chunking,
 * Content-Length, gzip and retries.
 */
export interface OtlpTestServer {
  url: string;
  /** Statuses of every answered request, in order. */
  statuses: number[];
  /** The next `count` requests are handled (and stored) normally, but answered 503 (a lost answer, as the client sees it). */
  failNextAnswers(count: number): void;
  close(): Promise<void>;
}

export async function startOtlpServer(): Promise<OtlpTestServer> {
  const statuses: number[] = [];
  let failing = 0;
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
      const request = new Request(url, {
        method: req.method,
        headers,
        body: req.method === 'POST' ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
        duplex: 'half',
      } as RequestInit);
      let response: Response;
      const bearer = /^\/api\/otlp\/v1\/([^/]+)$/.exec(url.pathname);
      const inPath = /^\/api\/otlp\/k\/([^/]+)\/v1\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'POST' && bearer) response = await bearerRoute.POST(request, { params: Promise.resolve({ signal: bearer[1]! }) });
      else if (req.method === 'POST' && inPath) response = await pathKeyRoute.POST(request, { params: Promise.resolve({ key: decodeURIComponent(inPath[1]!), signal: inPath[2]! }) });
      else response = new Response(null, { status: 404 });
      if (failing > 0) {
        failing--;
        response = new Response(JSON.stringify({ code: 14, message: 'lost' }), { status: 503, headers: { 'content-type': 'application/json', 'retry-after': '0' } });
      }
      statuses.push(response.status);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    statuses,
    failNextAnswers: (count) => {
      failing = count;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
