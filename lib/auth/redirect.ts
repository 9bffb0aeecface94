/**
 * Where the browser may be sent after signing in: a path on this site, nothing else.
 * `startsWith('/')` is not enough — browsers read `/\evil.example` (and `/%5Cevil.example`
 * once decoded), `//evil.example` and tab/newline-laden variants as another host. So the value
 * is resolved with the URL parser against a placeholder origin and kept only when the origin
 * stays the same; what is returned is rebuilt from the parsed path, query and fragment.
 */
const PLACEHOLDER_ORIGIN = 'http://pilotlight.invalid';

export function safeCallbackPath(raw: string | null | undefined, fallback = '/policies'): string {
  if (!raw || !raw.startsWith('/') || /[\u0000-\u001f\\]/.test(raw)) return fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (parsed.origin !== PLACEHOLDER_ORIGIN) return fallback;
  const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  // A path that itself starts with `//` would be protocol-relative when used as a Location.
  return path.startsWith('//') ? fallback : path;
}

/**
 * next-auth's redirect callback: relative paths stay on the site the request came to; an
 * absolute URL only when it is on the configured public origin.
 */
export function sameOriginRedirect(url: string, baseUrl: string): string {
  if (url.startsWith('/')) return `${baseUrl}${safeCallbackPath(url, '')}`;
  try {
    const target = new URL(url);
    if (target.origin === new URL(baseUrl).origin) return `${baseUrl}${safeCallbackPath(`${target.pathname}${target.search}${target.hash}`, '/')}`;
  } catch {
    // not a URL: fall through
  }
  return baseUrl;
}
