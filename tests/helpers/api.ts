import * as templates from '@/app/api/v1/templates/route';
import * as template from '@/app/api/v1/templates/[id]/route';
import * as versions from '@/app/api/v1/templates/[id]/versions/route';
import * as diff from '@/app/api/v1/templates/[id]/diff/route';
import * as rollback from '@/app/api/v1/templates/[id]/rollback/route';
import * as archive from '@/app/api/v1/templates/[id]/archive/route';
import * as lint from '@/app/api/v1/templates/lint/route';
import * as coverage from '@/app/api/v1/templates/coverage/route';
import * as teams from '@/app/api/v1/teams/route';
import * as team from '@/app/api/v1/teams/[id]/route';
import * as teamPolicy from '@/app/api/v1/teams/[id]/policy/route';
import * as project from '@/app/api/v1/teams/[id]/projects/[slug]/route';
import * as effective from '@/app/api/v1/teams/[id]/effective-policy/route';
import * as orgPolicy from '@/app/api/v1/org/policy/route';
import { apiRequest, call } from './http';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type RouteModule = Partial<Record<Method, Handler>>;

/** Every /api/v1 route by its path pattern, so tests address the API the way clients do. */
const ROUTES: [RegExp, string[], RouteModule][] = [
  [/^\/api\/v1\/templates$/, [], templates as RouteModule],
  [/^\/api\/v1\/templates\/lint$/, [], lint as RouteModule],
  [/^\/api\/v1\/templates\/coverage$/, [], coverage as RouteModule],
  [/^\/api\/v1\/templates\/([^/]+)$/, ['id'], template as RouteModule],
  [/^\/api\/v1\/templates\/([^/]+)\/versions$/, ['id'], versions as RouteModule],
  [/^\/api\/v1\/templates\/([^/]+)\/diff$/, ['id'], diff as RouteModule],
  [/^\/api\/v1\/templates\/([^/]+)\/rollback$/, ['id'], rollback as RouteModule],
  [/^\/api\/v1\/templates\/([^/]+)\/archive$/, ['id'], archive as RouteModule],
  [/^\/api\/v1\/teams$/, [], teams as RouteModule],
  [/^\/api\/v1\/teams\/([^/]+)$/, ['id'], team as RouteModule],
  [/^\/api\/v1\/teams\/([^/]+)\/policy$/, ['id'], teamPolicy as RouteModule],
  [/^\/api\/v1\/teams\/([^/]+)\/projects\/([^/]+)$/, ['id', 'slug'], project as RouteModule],
  [/^\/api\/v1\/teams\/([^/]+)\/effective-policy$/, ['id'], effective as RouteModule],
  [/^\/api\/v1\/org\/policy$/, [], orgPolicy as RouteModule],
];

export function registerRoutes(extra: [RegExp, string[], RouteModule][]): void {
  ROUTES.unshift(...extra);
}

/** Calls the route handler for `METHOD /path?query` like Next.js would. */
export async function api(method: Method, url: string, options: { token?: string | null; body?: unknown; rawBody?: string | Uint8Array; headers?: Record<string, string> } = {}) {
  const path = url.split('?')[0]!;
  for (const [pattern, names, module] of ROUTES) {
    const match = pattern.exec(path);
    if (!match) continue;
    const handler = module[method];
    if (!handler) throw new Error(`${method} ${path} has no handler`);
    const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
    return call(handler, apiRequest(url, { ...options, method }), params);
  }
  throw new Error(`no route for ${path}`);
}
