'use server';

import { revalidatePath } from 'next/cache';
import { requireUser } from '@/lib/auth/session';
import { runAction, type ActionResult } from '@/lib/http/action';
import { formToObject } from '@/lib/http/form';
import { addMember, changeMemberRole, removeMember } from '@/lib/members/members';

export async function addMemberAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const member = await addMember(await requireUser(), formToObject(formData));
    revalidatePath('/settings/members');
    return { message: `${member.email} was added.` };
  });
}

export async function changeRoleAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await changeMemberRole(await requireUser(), formToObject(formData));
    revalidatePath('/settings/members');
    return { message: 'Role updated.' };
  });
}

export async function removeMemberAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await removeMember(await requireUser(), formToObject(formData));
    revalidatePath('/settings/members');
    return { message: 'Member removed.' };
  });
}
