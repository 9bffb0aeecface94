import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { sameOriginRedirect } from './redirect';
import { authenticateWithOidc, authenticateWithPassword, type SignInContext } from './sign-in';

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

function headerValue(headers: unknown, name: string): string | null {
  if (!headers || typeof headers !== 'object') return null;
  const value = headers instanceof Headers ? headers.get(name) : (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
}

function contextFrom(headers: unknown): SignInContext {
  return {
    ip: headerValue(headers, 'x-forwarded-for')?.split(',')[0]?.trim() ?? headerValue(headers, 'x-real-ip'),
    userAgent: headerValue(headers, 'user-agent'),
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
        if (!credentials?.email || !credentials.password) return null;
        const result = await authenticateWithPassword(credentials.email, credentials.password, contextFrom(request?.headers));
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
      const member = user.email ? await authenticateWithOidc(user.email) : null;
      if (!member) return '/login?error=NotProvisioned';
      // Carry the database id, not the identity provider's subject, into the session.
      user.id = member.id;
      return true;
    },
    jwt({ token, user }) {
      if (user) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.uid && session.user) session.user = { ...session.user, id: token.uid, email: session.user.email ?? '' };
      return session;
    },
  },
};
