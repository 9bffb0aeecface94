import 'server-only';
import { requireToken } from '@/lib/auth/api-token';
import type { Actor, Scope } from '@/lib/auth/permissions';
import { RENDERED_FOR_ORG_HEADER } from '@/lib/auth/active-org';
import { assertRenderedFor, getCurrentUser } from '@/lib/auth/session';
import { AppError, ForbiddenError, TooManyRequestsError, UnauthorizedError } from '@/lib/errors';

/** The one error shape of the API: {"error":{"code","message","details"}}. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const headers = new Headers({ 'Cache-Control': 'no-store' });
    if (error instanceof TooManyRequestsError) headers.set('Retry-After', String(error.retryAfterSeconds));
    return Response.json(
      { error: { code: error.code, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) } },
      { status: error.status, headers },
    );
  }
  console.error('Unhandled error in API route', error);
  return Response.json({ error: { code: 'internal_error', message: 'Something went wrong on our side.' } }, { status: 500 });
}

type RouteParams = Record<string, string>;
export interface RouteContext<P extends RouteParams> {
  params: Promise<P>;
}

type HandlerResult = Response | object;

function toResponse(result: HandlerResult): Response {
  return result instanceof Response ? result : Response.json(result, { headers: { 'Cache-Control': 'no-store' } });
}

export interface ApiRouteOptions {
  /**
   * Also accept the console's session cookie when no Authorization header is sent (the browser
   * uploads files through the route: server actions are capped at 2 MB). Requests that change
   * something must come from this origin (Sec-Fetch-Site / Origin), as route handlers get no
   * CSRF check from Next.js.
   */
  session?: boolean;
}

function sameOrigin(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Token (any of `scope`), or with `session` the signed-in member when no token is sent. */
async function resolveApiCaller(request: Request, scope: Scope | readonly Scope[], options: ApiRouteOptions): Promise<Actor> {
  if (options.session && !request.headers.get('authorization')) {
    const current = await getCurrentUser();
    if (!current) throw new UnauthorizedError();
    if (request.method !== 'GET' && request.method !== 'HEAD' && !sameOrigin(request)) throw new ForbiddenError('Cross-site requests are refused; use an API token.');
    // A page that says which organization it was rendered for (the upload page does) is refused
    // when that is no longer the caller's organization, instead of acting in another one.
    const renderedFor = request.headers.get(RENDERED_FOR_ORG_HEADER);
    if (renderedFor !== null) assertRenderedFor(current.actor, renderedFor);
    return current.actor;
  }
  if (typeof scope === 'string') return requireToken(request, scope);
  const actor = await requireToken(request);
  if (!scope.some((s) => actor.scopes.includes(s))) throw new ForbiddenError(`This API token lacks the scope ${scope.join(' or ')}.`, { scope: scope[0] });
  return actor;
}

/**
 * Wraps an /api/v1 handler: authenticates the bearer token (401/403 for the route's scope),
 * hands the Actor to the handler, and maps every typed error to the error shape.
 * Authorization of the specific action still happens in lib/ (assertCan).
 */
export function apiRoute<P extends RouteParams = RouteParams>(
  scope: Scope | readonly Scope[],
  handler: (input: { request: Request; actor: Actor; params: P }) => Promise<HandlerResult>,
  options: ApiRouteOptions = {},
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    try {
      const actor = await resolveApiCaller(request, scope, options);
      return toResponse(await handler({ request, actor, params: await context.params }));
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/**
 * A route for the signed-in browser (session cookie instead of a bearer token), e.g. file
 * downloads from the console. Same error shape; lib/ still authorizes the action.
 */
export function sessionRoute<P extends RouteParams = RouteParams>(
  handler: (input: { request: Request; actor: Actor; params: P }) => Promise<HandlerResult>,
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    try {
      const current = await getCurrentUser();
      if (!current) throw new UnauthorizedError('Sign in to download policy files.');
      return toResponse(await handler({ request, actor: current.actor, params: await context.params }));
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** A route without authentication (health checks). */
export function publicRoute(handler: (request: Request) => Promise<HandlerResult>): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      return toResponse(await handler(request));
    } catch (error) {
      return errorResponse(error);
    }
  };
}
