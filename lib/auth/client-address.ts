/**
 * The address a request came from. `X-Forwarded-For` is set by whoever sends the request, so
 * it is believed only when the connection itself comes from a proxy named in
 * PILOTLIGHT_TRUSTED_PROXIES (comma-separated exact addresses, no ranges); then the right-most address that is
 * not one of those proxies is the client. The socket address reaches the app in
 * `x-pilotlight-client-ip`, which scripts/serve.mjs sets on every request (overwriting any
 * value a client sent).
 */
export const CLIENT_ADDRESS_HEADER = 'x-pilotlight-client-ip';

export function trustedProxies(): Set<string> {
  return new Set((process.env.PILOTLIGHT_TRUSTED_PROXIES ?? '').split(',').map((entry) => entry.trim()).filter(Boolean));
}

/** `::ffff:127.0.0.1` (an IPv4 client on a dual-stack socket) is `127.0.0.1`. */
function plain(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
}

export function clientAddress(header: (name: string) => string | null, proxies: Set<string> = trustedProxies()): string | null {
  const raw = header(CLIENT_ADDRESS_HEADER)?.trim();
  const socket = raw ? plain(raw) : null;
  if (!socket || !proxies.has(socket)) return socket;
  const forwarded = (header('x-forwarded-for') ?? '').split(',').map((entry) => plain(entry.trim())).filter(Boolean);
  for (let i = forwarded.length - 1; i >= 0; i--) if (!proxies.has(forwarded[i]!)) return forwarded[i]!;
  return socket;
}
