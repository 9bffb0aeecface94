'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireUserFor } from '@/lib/auth/session';
import { runAction, type ActionResult } from '@/lib/http/action';
import { BadRequestError } from '@/lib/errors';
import { importIdentities } from '@/lib/ingest/identities';
import { setRetention } from '@/lib/ingest/retention';
import { deleteUpload } from '@/lib/ingest/uploads';

export async function deleteUploadAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await deleteUpload(await requireUserFor(formData), String(formData.get('uploadId') ?? ''));
    revalidatePath('/uploads');
    // From the upload's own page there is nothing left to show.
    if (formData.get('redirectTo') === '/uploads') redirect('/uploads');
    return { message: 'Upload deleted.' };
  });
}

export async function importIdentitiesAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const file = formData.get('file');
    if (!(file instanceof File) || file.size === 0) throw new BadRequestError('Choose a CSV file with lines userId,email,team.');
    const result = await importIdentities(await requireUserFor(formData), Buffer.from(await file.arrayBuffer()));
    revalidatePath('/uploads');
    return { message: `Imported ${result.imported} identities; ${result.movedRecords} stored records moved to their team.` };
  });
}

export async function setRetentionAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const raw = String(formData.get('retentionDays') ?? '').trim();
    const result = await setRetention(await requireUserFor(formData), { retentionDays: raw === '' ? null : Number(raw) });
    revalidatePath('/uploads');
    return { message: result.retentionDays ? `Records older than ${result.retentionDays} days are purged (${result.purged} just now); charts keep their rollups.` : 'Records are kept forever.' };
  });
}
