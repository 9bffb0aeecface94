'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { ACTIVE_ORG_COOKIE } from '@/lib/auth/active-org';
import { getSignedInAccount } from '@/lib/auth/session';
import { runAction, type ActionResult } from '@/lib/http/action';
import { formToObject } from '@/lib/http/form';
import { acceptInvitation, acceptInvitationAsNewAccount, declineInvitation } from '@/lib/members/invitations';

/**
 * Answering an invitation acts for the person, not in an organization they already work in, so
 * these actions need no rendered-for-organization check; lib/ matches the invitation to the
 * signed-in account's e-mail (or, for a new account, to the link's token).
 */
async function invitee() {
  const account = await getSignedInAccount();
  if (!account) redirect('/login?callbackUrl=/invitations');
  return { userId: account.userId, email: account.email };
}

async function openOrganization(orgId: string): Promise<void> {
  (await cookies()).set(ACTIVE_ORG_COOKIE, orgId, { httpOnly: true, sameSite: 'lax', path: '/', secure: process.env.NEXTAUTH_URL?.startsWith('https://') ?? false });
}

export async function acceptInvitationAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  let orgId = '';
  const result = await runAction(async () => {
    orgId = (await acceptInvitation(await invitee(), formToObject(formData))).orgId;
  });
  if (result?.ok) {
    await openOrganization(orgId);
    redirect('/policies');
  }
  return result;
}

export async function declineInvitationAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await declineInvitation(await invitee(), formToObject(formData));
    return { message: 'Invitation declined.' };
  });
}

/** Someone without an account sets their name and password; the browser then signs them in. */
export async function acceptAsNewAccountAction(_previous: ActionResult<{ email: string }>, formData: FormData): Promise<ActionResult<{ email: string }>> {
  const { token, ...fields } = formToObject(formData);
  return runAction(async () => {
    const { email, orgId } = await acceptInvitationAsNewAccount(typeof token === 'string' ? token : '', fields);
    await openOrganization(orgId);
    return { message: 'Your account is ready. Signing you in…', data: { email } };
  });
}
