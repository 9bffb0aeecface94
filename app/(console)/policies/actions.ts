'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireUserFor } from '@/lib/auth/session';
import { runAction, type ActionResult } from '@/lib/http/action';
import { formToObject } from '@/lib/http/form';
import { archiveTemplate, createTemplate, purgeTemplateSecrets, rollbackTemplate, saveTemplateVersion } from '@/lib/templates/templates';

export async function createTemplateAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const { start, ...fields } = formToObject(formData);
  let id = '';
  const result = await runAction(async () => {
    const template = await createTemplate(await requireUserFor(formData), { ...fields, ...(start && start !== 'blank' ? { preset: start } : {}) });
    id = template.id;
  });
  if (result?.ok) redirect(`/policies/${id}`);
  return result;
}

/** Called by the editor with the whole document (not a form post): JSON-shaped input. */
export async function saveTemplateVersionAction(renderedForOrg: string, templateId: string, input: unknown): Promise<ActionResult<{ version: number }>> {
  return runAction(async () => {
    const template = await saveTemplateVersion(await requireUserFor(renderedForOrg), templateId, input);
    revalidatePath(`/policies/${templateId}`);
    revalidatePath('/policies');
    return { message: `Saved version ${template.latestVersion}.`, data: { version: template.latestVersion } };
  });
}

export async function rollbackTemplateAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const { templateId, toVersion, baseVersion, acknowledgeRisks } = formToObject(formData, ['acknowledgeRisks']);
  return runAction(async () => {
    const template = await rollbackTemplate(await requireUserFor(formData), String(templateId), {
      toVersion: Number(toVersion),
      baseVersion: Number(baseVersion),
      ...((acknowledgeRisks as string[]).length ? { acknowledgeRisks } : {}),
    });
    revalidatePath(`/policies/${template.id}`);
    return { message: `Rolled back: version ${template.latestVersion} equals version ${String(toVersion)}.` };
  });
}

export async function purgeTemplateSecretsAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const { templateId } = formToObject(formData);
  return runAction(async () => {
    const { versions } = await purgeTemplateSecrets(await requireUserFor(formData), String(templateId));
    revalidatePath(`/policies/${String(templateId)}`);
    return { message: versions.length ? `Secrets purged from version${versions.length === 1 ? '' : 's'} ${versions.join(', ')}. Rotate them: they were downloadable until now.` : 'No version holds a literal secret.' };
  });
}

export async function archiveTemplateAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const { templateId } = formToObject(formData);
  const result = await runAction(async () => {
    await archiveTemplate(await requireUserFor(formData), String(templateId));
    revalidatePath('/policies');
  });
  if (result?.ok) redirect('/policies');
  return result;
}
