import 'server-only';
import { getServerSession } from 'next-auth';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getPrisma } from '@/lib/db/client';
import { authOptions, SESSION_MAX_AGE_SECONDS } from './options';
import { scopesForRole, type Actor, type Role } from './permissions';
import { ACTIVE_ORG_COOKIE } from './active-org';
import { sessionIsCurrent } from './sign-in';

export { ACTIVE_ORG_COOKIE } from './active-org';

export interface CurrentUser {
  actor: Actor;
  email: string;
  name: string | null;
  organization: { id: string; name: string };
  organizations: { id: string; name: string; role: Role }[];
}

/**
 * The signed-in member, or null. Looks the membership up on every request (cached per
 * request), so a removed member or a changed role takes effect at once, whatever the JWT says.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await getPrisma().user.findUnique({
    where: { id: userId },
    select: {
      email: true,
      name: true,
      sessionsValidAfter: true,
      memberships: { select: { role: true, organization: { select: { id: true, name: true } } }, orderBy: { createdAt: 'asc' } },
    },
  });
  if (!user || user.memberships.length === 0) return null;
  // Signed out elsewhere, removed, demoted, or past the absolute lifetime: not signed in.
  if (!sessionIsCurrent(session.authTime, user.sessionsValidAfter, SESSION_MAX_AGE_SECONDS)) return null;
  const preferred = (await cookies()).get(ACTIVE_ORG_COOKIE)?.value;
  const membership = user.memberships.find((m) => m.organization.id === preferred) ?? user.memberships[0]!;
  return {
    actor: {
      kind: 'user',
      userId,
      orgId: membership.organization.id,
      role: membership.role,
      scopes: scopesForRole(membership.role),
      label: user.email,
    },
    email: user.email,
    name: user.name,
    organization: membership.organization,
    organizations: user.memberships.map((m) => ({ ...m.organization, role: m.role })),
  };
});

/** For pages and server actions: the signed-in member's Actor, or a redirect to /login. */
export async function requireUser(): Promise<Actor> {
  const current = await getCurrentUser();
  if (!current) redirect('/login');
  return current.actor;
}
