'use server';

import { revalidatePath } from 'next/cache';
import { requireUser } from '@/lib/auth/session';
import type { ShownKey } from '@/components/teams/IngestKeysSection';
import { runAction, type ActionResult } from '@/lib/http/action';
import { formToObject } from '@/lib/http/form';
import { createIngestKey, revealIngestKey, revokeIngestKey, rotateIngestKey } from '@/lib/ingest-keys/keys';


function fields(formData: FormData): { teamId: string; keyId: string; rest: Record<string, unknown> } {
  const { teamId, keyId, ...rest } = formToObject(formData);
  return { teamId: String(teamId ?? ''), keyId: String(keyId ?? ''), rest };
}

export async function createIngestKeyAction(_previous: ActionResult<ShownKey>, formData: FormData): Promise<ActionResult<ShownKey>> {
  const { teamId, rest } = fields(formData);
  return runAction(async () => {
    const created = await createIngestKey(await requireUser(), teamId, rest);
    revalidatePath(`/teams/${teamId}`);
    return { message: `Ingest key “${created.name}” created.`, data: { id: created.id, name: created.name, key: created.key } };
  });
}

export async function revealIngestKeyAction(_previous: ActionResult<ShownKey>, formData: FormData): Promise<ActionResult<ShownKey>> {
  const { teamId, keyId } = fields(formData);
  return runAction(async () => {
    const shown = await revealIngestKey(await requireUser(), teamId, keyId);
    return { data: { id: shown.id, name: shown.name, key: shown.key } };
  });
}

export async function rotateIngestKeyAction(_previous: ActionResult<ShownKey>, formData: FormData): Promise<ActionResult<ShownKey>> {
  const { teamId, keyId } = fields(formData);
  return runAction(async () => {
    const rotated = await rotateIngestKey(await requireUser(), teamId, keyId, {});
    revalidatePath(`/teams/${teamId}`);
    return { message: `Ingest key “${rotated.name}” rotated; the old key works for one more day.`, data: { id: rotated.id, name: rotated.name, key: rotated.key } };
  });
}

export async function revokeIngestKeyAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const { teamId, keyId } = fields(formData);
  return runAction(async () => {
    await revokeIngestKey(await requireUser(), teamId, keyId);
    revalidatePath(`/teams/${teamId}`);
    return { message: 'Ingest key revoked.' };
  });
}
