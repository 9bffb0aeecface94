'use server';

import { revalidatePath } from 'next/cache';
import { requireUserFor } from '@/lib/auth/session';
import { runAction, type ActionResult } from '@/lib/http/action';
import { formToObject } from '@/lib/http/form';
import { createToken, revokeToken } from '@/lib/tokens/tokens';

export async function createTokenAction(
  _previous: ActionResult<{ token: string; name: string }>,
  formData: FormData,
): Promise<ActionResult<{ token: string; name: string }>> {
  return runAction(async () => {
    const { token, view } = await createToken(await requireUserFor(formData), formToObject(formData, ['scopes']));
    revalidatePath('/settings/tokens');
    return { message: `Token "${view.name}" created.`, data: { token, name: view.name } };
  });
}

export async function revokeTokenAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await revokeToken(await requireUserFor(formData), formToObject(formData));
    revalidatePath('/settings/tokens');
    return { message: 'Token revoked.' };
  });
}
