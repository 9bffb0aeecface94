'use server';

import { revalidatePath } from 'next/cache';
import { requireUserFor } from '@/lib/auth/session';
import { runAction, type ActionResult } from '@/lib/http/action';
import { formToObject } from '@/lib/http/form';
import { requestOrigin } from '@/lib/http/origin';
import { invitationPath, inviteMember, revokeInvitation } from '@/lib/members/invitations';
import { changeMemberRole, removeMember } from '@/lib/members/members';

export interface CreatedInvitation {
  email: string;
  link: string;
  expiresAt: string;
}

/**
 * The answer is the same for every address (an account here, elsewhere, or none): the link to
 * pass on, shown once.
 */
export async function inviteMemberAction(_previous: ActionResult<CreatedInvitation>, formData: FormData): Promise<ActionResult<CreatedInvitation>> {
  return runAction(async () => {
    const { invitation, token } = await inviteMember(await requireUserFor(formData), formToObject(formData));
    revalidatePath('/settings/members');
    return {
      message: `Invitation created for ${invitation.email}.`,
      data: { email: invitation.email, link: `${await requestOrigin()}${invitationPath(token)}`, expiresAt: invitation.expiresAt.toISOString() },
    };
  });
}

export async function revokeInvitationAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await revokeInvitation(await requireUserFor(formData), formToObject(formData));
    revalidatePath('/settings/members');
    return { message: 'Invitation withdrawn.' };
  });
}

export async function changeRoleAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await changeMemberRole(await requireUserFor(formData), formToObject(formData));
    revalidatePath('/settings/members');
    return { message: 'Role updated.' };
  });
}

export async function removeMemberAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await removeMember(await requireUserFor(formData), formToObject(formData));
    revalidatePath('/settings/members');
    return { message: 'Member removed.' };
  });
}
