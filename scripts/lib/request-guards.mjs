// Checks serve.mjs makes before Next.js sees a request. Plain JavaScript: the workers run on bare Node.

/**
 * A path whose percent-encoding does not decode (`/api/v1/templates/%ff`): Next.js's router
 * turns the decode error into a plain-text 500, so the server answers it first with a 400 in
 * the API's error shape.
 */
export function malformedPath(url) {
  const path = (url ?? '/').split('?')[0] ?? '/';
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

export const MALFORMED_PATH_BODY = JSON.stringify({
  error: { code: 'bad_request', message: 'The URL has malformed percent-encoding (e.g. %ff); encode the path as UTF-8.' },
});
