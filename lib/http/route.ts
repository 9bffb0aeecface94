import 'server-only';
import { requireToken } from '@/lib/auth/api-token';
import type { Actor, Scope } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';
import { AppError, TooManyRequestsError, UnauthorizedError } from '@/lib/errors';

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

/**
 * Wraps an /api/v1 handler: authenticates the bearer token (401/403 for the route's scope),
 * hands the Actor to the handler, and maps every typed error to the error shape.
 * Authorization of the specific action still happens in lib/ (assertCan).
 */
export function apiRoute<P extends RouteParams = RouteParams>(
  scope: Scope,
  handler: (input: { request: Request; actor: Actor; params: P }) => Promise<HandlerResult>,
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    try {
      const actor = await requireToken(request, scope);
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
