'use server';

import { redirect } from 'next/navigation';
import { runAction, type ActionResult } from '@/lib/http/action';
import { formToObject } from '@/lib/http/form';
import { completeSetup } from '@/lib/setup/setup';

export async function completeSetupAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    await completeSetup(formToObject(formData));
  });
  if (result?.ok) redirect('/login?setup=done');
  return result;
}
