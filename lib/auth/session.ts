import 'server-only';
import { getServerSession } from 'next-auth';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getPrisma } from '@/lib/db/client';
import { authOptions, SESSION_MAX_AGE_SECONDS } from './options';
import { scopesForRole, type Actor, type Role } from './permissions';
import { ACTIVE_ORG_COOKIE, RENDERED_FOR_ORG_FIELD } from './active-org';
import { OrganizationChangedError } from '@/lib/errors';
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

/**
 * For org-scoped server actions: the caller's Actor, but only when the form (or JSON call) was
 * rendered for the organization the caller is in now. A missing or different organization is
 * refused before anything is read or written — the active-organization cookie can fall back to
 * another organization after a membership ended, or be switched in another tab, and the form
 * must not then act somewhere the admin did not see.
 */
export async function requireUserFor(renderedFor: FormData | string | null | undefined): Promise<Actor> {
  const actor = await requireUser();
  const raw = renderedFor instanceof FormData ? renderedFor.get(RENDERED_FOR_ORG_FIELD) : renderedFor;
  assertRenderedFor(actor, typeof raw === 'string' ? raw : null);
  return actor;
}

/** Throws unless `renderedFor` names the actor's current organization (shared with API routes). */
export function assertRenderedFor(actor: Actor, renderedFor: string | null): void {
  if (!renderedFor) {
    throw new OrganizationChangedError('This form does not say which organization it is for, so nothing was saved. Reload the page and try again.');
  }
  if (renderedFor !== actor.orgId) {
    throw new OrganizationChangedError(
      'This page was opened for another organization than the one you are working in now (you may have been removed from it, or switched organization in another tab). Nothing was saved: reload the page and check where you are.',
    );
  }
}

export interface SignedInAccount {
  userId: string;
  email: string;
  name: string | null;
  memberships: number;
}

/**
 * The signed-in person even without any membership (someone who signed in to accept an
 * invitation): for /invitations and /invite/<token> only. Same session checks as getCurrentUser.
 */
export const getSignedInAccount = cache(async (): Promise<SignedInAccount | null> => {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await getPrisma().user.findUnique({
    where: { id: userId },
    select: { email: true, name: true, sessionsValidAfter: true, _count: { select: { memberships: true } } },
  });
  if (!user || !sessionIsCurrent(session.authTime, user.sessionsValidAfter, SESSION_MAX_AGE_SECONDS)) return null;
  return { userId, email: user.email, name: user.name, memberships: user._count.memberships };
});
