import type { Download } from './downloads';

/** ASCII-only, no quotes or path separators: safe in a header and on every file system. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|-+$/g, '')
    .slice(0, 120);
  return cleaned || 'policy';
}

/** True when the client already holds exactly these bytes (If-None-Match with our ETag or *). */
export function isNotModified(request: Request, etag: string): boolean {
  const header = request.headers.get('if-none-match');
  if (!header) return false;
  return header.split(',').some((tag) => {
    const value = tag.trim().replace(/^W\//, '');
    return value === etag || value === '*';
  });
}

/**
 * The download response: attachment with a safe file name, ETag = sha256 of the bytes, private
 * caching (the bytes are an organization's policy), 304 when the client's copy is current.
 */
export function fileResponse(request: Request, download: Download): Response {
  const etag = `"${download.sha256}"`;
  const headers = new Headers({
    ETag: etag,
    'Cache-Control': 'private',
    'X-Policy-Version': String(download.version),
    'X-Policy-Format': download.format,
  });
  if (isNotModified(request, etag)) return new Response(null, { status: 304, headers });
  headers.set('Content-Type', download.contentType);
  headers.set('Content-Disposition', `attachment; filename="${safeFileName(download.fileName)}"`);
  headers.set('Content-Length', String(download.bytes.byteLength));
  return new Response(download.bytes as BodyInit, { status: 200, headers });
}
