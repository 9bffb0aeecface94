import { describe, expect, it } from 'vitest';
import { genericAuthErrors, publicAuthError } from '@/lib/auth/auth-route';
import { clientAddress } from '@/lib/auth/client-address';
import { sessionIsCurrent } from '@/lib/auth/sign-in';

describe('sessionIsCurrent', () => {
  const hour = 3_600_000;
  const now = Date.UTC(2026, 11, 2, 12);
  it('holds for a session issued after the revocation point, within the absolute lifetime', () => {
    expect(sessionIsCurrent(now - hour, new Date(now - 2 * hour), 8 * 3600, now)).toBe(true);
  });
  it('ends with sign-out, role change or removal (issued before the revocation point)', () => {
    expect(sessionIsCurrent(now - hour, new Date(now - 60_000), 8 * 3600, now)).toBe(false);
  });
  it('ends after the absolute lifetime however often it was renewed, and without a sign-in time', () => {
    expect(sessionIsCurrent(now - 9 * hour, new Date(0), 8 * 3600, now)).toBe(false);
    expect(sessionIsCurrent(undefined, new Date(0), 8 * 3600, now)).toBe(false);
  });
});

describe('clientAddress', () => {
  const headers = (values: Record<string, string>) => (name: string) => values[name] ?? null;
  it('uses the socket address and ignores X-Forwarded-For from anyone else', () => {
    expect(clientAddress(headers({ 'x-pilotlight-client-ip': '203.0.113.5', 'x-forwarded-for': '1.2.3.4' }), new Set())).toBe('203.0.113.5');
  });
  it('believes X-Forwarded-For from a trusted proxy: the right-most untrusted address', () => {
    const proxies = new Set(['10.0.0.2', '10.0.0.3']);
    expect(clientAddress(headers({ 'x-pilotlight-client-ip': '10.0.0.2', 'x-forwarded-for': '1.2.3.4, 198.51.100.9, 10.0.0.3' }), proxies)).toBe('198.51.100.9');
  });
});

describe('next-auth errors reach the browser as generic codes', () => {
  it('keeps known codes and replaces internal messages', async () => {
    expect(publicAuthError('CredentialsSignin')).toBe('CredentialsSignin');
    expect(publicAuthError('e.trim is not a function')).toBe('SignInFailed');
    const redirect = new Response(null, { status: 302, headers: { location: "http://localhost:3000/login?error=Can't%20reach%20database%20server%20at%20127.0.0.1" } });
    expect((await genericAuthErrors(redirect)).headers.get('location')).toBe('http://localhost:3000/login?error=SignInFailed');
    const json = Response.json({ url: 'http://localhost:3000/login?error=Invalid%20prisma.user.findUnique()' });
    expect(await (await genericAuthErrors(json)).json()).toEqual({ url: 'http://localhost:3000/login?error=SignInFailed' });
  });
});

describe('attemptKey and dual-stack addresses', () => {
  it('keys IPv6 clients by /64 and IPv4 by address', async () => {
    const { attemptKey } = await import('@/lib/auth/sign-in');
    expect(attemptKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(attemptKey('2001:db8:1:2:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(attemptKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(attemptKey('192.0.2.1')).toBe('192.0.2.1');
    expect(attemptKey(null)).toBe('unknown');
  });
  it('reads ::ffff:127.0.0.1 as 127.0.0.1, also for trusted proxies', () => {
    const headers = (values: Record<string, string>) => (name: string) => values[name] ?? null;
    expect(clientAddress(headers({ 'x-pilotlight-client-ip': '::ffff:127.0.0.1', 'x-forwarded-for': '198.51.100.4' }), new Set(['127.0.0.1']))).toBe('198.51.100.4');
  });
});
