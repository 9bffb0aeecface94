import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { headers } from 'next/headers';
import { sameOriginRedirect } from './redirect';
import { ACTIVE_ORG_COOKIE } from './active-org';
import { clientAddress } from './client-address';
import { authenticateWithOidc, authenticateWithPassword, revokeSessions, sessionIsCurrent, type SignInContext } from './sign-in';
import { getPrisma } from '@/lib/db/client';

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

function headerValue(headers: unknown, name: string): string | null {
  if (!headers || typeof headers !== 'object') return null;
  const value = headers instanceof Headers ? headers.get(name) : (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
}

function contextFrom(headers: unknown): SignInContext {
  const cookie = headerValue(headers, 'cookie') ?? '';
  const preferred = new RegExp(`(?:^|;\\s*)${ACTIVE_ORG_COOKIE}=([^;]+)`).exec(cookie)?.[1] ?? null;
  return {
    ip: clientAddress((name) => headerValue(headers, name)),
    userAgent: headerValue(headers, 'user-agent')?.slice(0, 500) ?? null,
    preferredOrgId: preferred ? decodeURIComponent(preferred) : null,
  };
}

interface OidcProfile {
  sub: string;
  email?: string;
  name?: string;
}

/** Optional single sign-on, switched on by OIDC_ISSUER + OIDC_CLIENT_ID + OIDC_CLIENT_SECRET. */
function oidcProvider(): OAuthConfig<OidcProfile> | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = process.env;
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return null;
  return {
    id: 'oidc',
    name: process.env.OIDC_NAME ?? 'Single sign-on',
    type: 'oauth',
    wellKnown: `${OIDC_ISSUER.replace(/\/$/, '')}/.well-known/openid-configuration`,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state'],
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    profile: (profile) => ({ id: profile.sub, email: profile.email ?? null, name: profile.name ?? null }),
  };
}

export function isOidcEnabled(): boolean {
  return oidcProvider() !== null;
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Password',
      credentials: { email: { label: 'E-mail', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, request) {
        // A JSON body may carry anything: only two strings are a sign-in attempt.
        const email: unknown = credentials?.email;
        const password: unknown = credentials?.password;
        if (typeof email !== 'string' || typeof password !== 'string' || !email || !password) return null;
        let result: Awaited<ReturnType<typeof authenticateWithPassword>>;
        try {
          result = await authenticateWithPassword(email, password, contextFrom(request?.headers));
        } catch (error) {
          // Logged here; the browser gets a generic code, never the internal message.
          console.error('pilotlight: sign-in failed:', error instanceof Error ? error.message : error);
          throw new Error('SignInFailed');
        }
        if (result.ok) return result.user;
        // next-auth hands a thrown message to the sign-in form as `error`.
        if (result.reason === 'rate_limited') throw new Error('TooManyAttempts');
        return null;
      },
    }),
    ...(oidcProvider() ? [oidcProvider() as OAuthConfig<OidcProfile>] : []),
  ],
  callbacks: {
    redirect: ({ url, baseUrl }) => sameOriginRedirect(url, baseUrl),
    async signIn({ account, user }) {
      if (account?.provider !== 'oidc') return true;
      // The request's address, agent and active organization, so the sign-in row goes to the
      // organization being entered (not the first membership) and says where it came from.
      const context = contextFrom(await headers().catch(() => null));
      const member = user.email ? await authenticateWithOidc(user.email, context) : null;
      if (!member) return '/login?error=NotProvisioned';
      // Carry the database id, not the identity provider's subject, into the session.
      user.id = member.id;
      return true;
    },
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.authTime = Date.now();
        return token;
      }
      // Every renewal (GET /api/auth/session, getServerSession) re-checks the session: a signed-out,
      // removed or demoted member's cookie, or one past the absolute lifetime, is not renewed —
      // throwing makes next-auth clear the cookie instead of minting a fresh one.
      const row = token.uid ? await getPrisma().user.findUnique({ where: { id: token.uid }, select: { sessionsValidAfter: true } }) : null;
      if (!row || !sessionIsCurrent(token.authTime, row.sessionsValidAfter, SESSION_MAX_AGE_SECONDS)) throw new Error('SessionRevoked');
      return token;
    },
    session({ session, token }) {
      if (token.uid && session.user) session.user = { ...session.user, id: token.uid, email: session.user.email ?? '' };
      session.authTime = token.authTime;
      return session;
    },
  },
  logger: {
    // A revoked or expired session is the jwt callback doing its job (the cookie is cleared and
    // the person signs in again), not a server error: one line instead of a stack trace per request.
    error(code, metadata) {
      const message = metadata instanceof Error ? metadata.message : (metadata as { message?: unknown } | undefined)?.message;
      if (code === 'JWT_SESSION_ERROR' && message === 'SessionRevoked') return;
      console.error(`[next-auth][error][${code}]`, message ?? '', metadata);
    },
  },
  events: {
    // Signing out ends every session of the person, not only this browser's cookie.
    async signOut({ token }) {
      if (token?.uid) await revokeSessions(token.uid);
    },
  },
};
