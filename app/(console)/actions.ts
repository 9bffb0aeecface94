'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { ACTIVE_ORG_COOKIE, getCurrentUser } from '@/lib/auth/session';

/** Makes another of the user's organizations the active one (ignored unless they are a member). */
export async function switchOrganization(orgId: string): Promise<void> {
  const current = await getCurrentUser();
  if (!current || !current.organizations.some((org) => org.id === orgId)) return;
  (await cookies()).set(ACTIVE_ORG_COOKIE, orgId, { httpOnly: true, sameSite: 'lax', path: '/', secure: process.env.NEXTAUTH_URL?.startsWith('https://') ?? false });
  revalidatePath('/', 'layout');
}
