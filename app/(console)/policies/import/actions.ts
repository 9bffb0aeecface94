'use server';

import { redirect } from 'next/navigation';
import { requireUserFor } from '@/lib/auth/session';
import { BadRequestError, TooLargeError } from '@/lib/errors';
import type { DroppedControl } from '@/lib/formats';
import type { ImportableFormatId } from '@/lib/formats/catalog';
import { runAction, type ActionResult } from '@/lib/http/action';
import { lintSettings, type LintFinding } from '@/lib/policy/lint';
import { completeSettings } from '@/lib/policy/merge';
import type { PolicySettings } from '@/lib/policy/settings';
import { importTemplateFile, previewImport } from '@/lib/templates/import';

const MAX_IMPORT_BYTES = 1024 * 1024;

async function readUpload(formData: FormData) {
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) throw new BadRequestError('Choose a policy file to import.');
  if (file.size > MAX_IMPORT_BYTES) throw new TooLargeError(MAX_IMPORT_BYTES);
  const format = formData.get('format');
  return { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name, format: typeof format === 'string' && format ? format : null };
}

export interface ImportPreview {
  format: ImportableFormatId;
  settings: PolicySettings;
  warnings: string[];
  /** Security controls the file has and the policy cannot hold, most severe first. */
  droppedControls: DroppedControl[];
  findings: LintFinding[];
}

/** Maps the file and lints it; nothing is saved. */
export async function previewImportAction(_previous: ActionResult<ImportPreview>, formData: FormData): Promise<ActionResult<ImportPreview>> {
  return runAction(async () => {
    const preview = previewImport(await requireUserFor(formData), await readUpload(formData));
    return { data: { ...preview, findings: lintSettings(completeSettings(preview.settings)) } };
  });
}

export async function importTemplateAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  let id = '';
  const result = await runAction(async () => {
    const upload = await readUpload(formData);
    const target = formData.get('templateId');
    const name = formData.get('name');
    const outcome = await importTemplateFile(await requireUserFor(formData), {
      ...upload,
      templateId: typeof target === 'string' && target ? target : null,
      name: typeof name === 'string' ? name : null,
      acknowledgeRisks: [
        ...formData.getAll('acknowledgeRisks').filter((value): value is string => typeof value === 'string'),
        ...(formData.get('acknowledgeTrustAll') === 'on' ? ['trust-all'] : []),
      ],
      acknowledgeDroppedControls: formData.get('acknowledgeDroppedControls') === 'on',
    });
    id = outcome.id;
  });
  if (result?.ok) redirect(`/policies/${id}`);
  return result;
}
