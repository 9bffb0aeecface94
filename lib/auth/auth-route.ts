/**
 * Hardening of the public next-auth endpoint (app/api/auth/[...nextauth]/route.ts).
 * next-auth puts the message of any error it catches into the redirect (`?error=…`), which has
 * leaked "e.trim is not a function", Prisma errors naming an index and the database address.
 * Only the codes the login page knows pass; anything else becomes a generic code.
 */
export const AUTH_BODY_LIMIT_BYTES = 8 * 1024;

const KNOWN_ERRORS = new Set(['CredentialsSignin', 'TooManyAttempts', 'NotProvisioned', 'SessionRequired', 'AccessDenied', 'Verification', 'OAuthSignin', 'OAuthCallback', 'OAuthAccountNotLinked', 'Callback', 'Configuration', 'SignInFailed']);

export function publicAuthError(code: string | null): string {
  return code && KNOWN_ERRORS.has(code) ? code : 'SignInFailed';
}

function cleanUrl(value: string, base: string): string {
  try {
    const url = new URL(value, base);
    const error = url.searchParams.get('error');
    if (error === null || KNOWN_ERRORS.has(error)) return value;
    url.searchParams.set('error', publicAuthError(error));
    return /^https?:\/\//.test(value) ? url.toString() : `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return value;
  }
}

/** Rewrites an unknown `error` in the Location header or the `{url}` JSON answer of next-auth. */
export async function genericAuthErrors(response: Response): Promise<Response> {
  const base = 'http://pilotlight.invalid';
  const location = response.headers.get('location');
  if (location) {
    const cleaned = cleanUrl(location, base);
    if (cleaned === location) return response;
    const headers = new Headers(response.headers);
    headers.set('location', cleaned);
    return new Response(response.body, { status: response.status, headers });
  }
  if (!response.headers.get('content-type')?.includes('application/json')) return response;
  const text = await response.clone().text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return response;
  }
  if (!parsed || typeof parsed !== 'object' || typeof (parsed as { url?: unknown }).url !== 'string') return response;
  const url = (parsed as { url: string }).url;
  const cleaned = cleanUrl(url, base);
  if (cleaned === url) return response;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify({ ...parsed, url: cleaned }), { status: response.status, headers });
}
