import 'server-only';
import { getServerSession } from 'next-auth';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getPrisma } from '@/lib/db/client';
import { authOptions } from './options';
import { scopesForRole, type Actor, type Role } from './permissions';

/** Which of the user's organizations the console shows; checked against memberships on every request. */
export const ACTIVE_ORG_COOKIE = 'pilotlight-org';

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
      memberships: { select: { role: true, organization: { select: { id: true, name: true } } }, orderBy: { createdAt: 'asc' } },
    },
  });
  if (!user || user.memberships.length === 0) return null;
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
