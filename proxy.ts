import { withAuth } from 'next-auth/middleware';

/**
 * Redirects signed-out visitors of console pages to /login. Only a convenience: every page,
 * server action and API route authorizes through lib/ itself, because middleware can be
 * bypassed (CVE-2025-29927). /api routes, /login, /setup, invitation links (/invite/…) and static
 * files are not matched.
 */
export default withAuth({ pages: { signIn: '/login' } });

export const config = {
  matcher: ['/((?!api/|downloads/|_next/|login|setup|invite/|favicon\\.svg|robots\\.txt).*)'],
};
