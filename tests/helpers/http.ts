/** Builds the Request a route handler receives, and calls it the way Next.js does. */
export function apiRequest(
  path: string,
  options: { method?: string; token?: string | null; body?: unknown; rawBody?: string | Uint8Array; headers?: Record<string, string> } = {},
): Request {
  const headers = new Headers(options.headers);
  if (options.token) headers.set('authorization', `Bearer ${options.token}`);
  let body: BodyInit | undefined;
  if (options.rawBody !== undefined) body = options.rawBody as BodyInit;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers.set('content-type', 'application/json');
  }
  return new Request(`http://localhost${path}`, { method: options.method ?? (body ? 'POST' : 'GET'), headers, body });
}

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export async function call<P extends Record<string, string>>(handler: Handler<P>, request: Request, params?: P): Promise<{ status: number; body: unknown; response: Response }> {
  const response = await handler(request, { params: Promise.resolve((params ?? {}) as P) });
  const text = await response.clone().text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (a download): keep the text
  }
  return { status: response.status, body, response };
}

export function errorCode(body: unknown): string | undefined {
  return (body as { error?: { code?: string } } | null)?.error?.code;
}
