import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { getPrisma } from '@/lib/db/client';
import { BadRequestError, NotFoundError } from '@/lib/errors';
import { assertDroppedControlsAcknowledged, importPolicy, type DroppedControl } from '@/lib/formats';
import { assertId } from '@/lib/http/ids';
import type { LintFinding } from '@/lib/policy/lint';
import type { PolicySettings } from '@/lib/policy/settings';
import { createTemplate, saveTemplateVersion } from './templates';

/** Warnings shown and kept in the audit row; the rest are counted ("…and N more"). */
export const MAX_IMPORT_WARNINGS = 100;
const MAX_WARNING_LENGTH = 300;

/**
 * At most MAX_IMPORT_WARNINGS warnings of at most MAX_WARNING_LENGTH characters, then one line
 * counting the rest: a 1 MB file of invalid lines yields a readable answer and a small audit row.
 */
export function capWarnings(warnings: readonly string[]): string[] {
  const shown = warnings.slice(0, MAX_IMPORT_WARNINGS).map((warning) => (warning.length > MAX_WARNING_LENGTH ? `${warning.slice(0, MAX_WARNING_LENGTH - 1)}…` : warning));
  const more = warnings.length - shown.length;
  return more > 0 ? [...shown, `…and ${more} more ${more === 1 ? 'warning' : 'warnings'} like these.`] : shown;
}

export interface ImportRequest {
  bytes: Uint8Array;
  fileName: string | null;
  format: string | null;
  /** Name of the new template (when not adding a version to `templateId`). */
  name: string | null;
  templateId: string | null;
  acknowledgeRisks: string[];
  /** The admin saw the security controls the policy cannot hold and saves anyway. */
  acknowledgeDroppedControls: boolean;
}

export interface ImportOutcome {
  id: string;
  version: number;
  format: string;
  settings: PolicySettings;
  warnings: string[];
  /** What the file had and the policy cannot hold (acknowledged), most severe first. */
  droppedControls: DroppedControl[];
  findings: LintFinding[];
  created: boolean;
}

/**
 * An agent's own file → the canonical document → a new template (or a new version of one).
 * `warnings` name whatever the file had that the canonical document cannot hold; lint findings
 * are those of the saved version. Bad input is refused before anything is written.
 */
export async function importTemplateFile(actor: Actor, request: ImportRequest): Promise<ImportOutcome> {
  assertCan(actor, 'templates:write');
  if (!request.templateId && !request.name?.trim()) {
    throw new BadRequestError('Name the new template with ?name=… (or add a version to an existing one with ?templateId=…).', {
      issues: [{ path: 'name', message: 'Required.' }],
    });
  }
  const imported = importPolicy({ bytes: request.bytes, fileName: request.fileName, format: request.format });
  // Here, not in the callers: the API and the import page share one gate and parse the file once.
  assertDroppedControlsAcknowledged(imported, request.acknowledgeDroppedControls);
  const warnings = capWarnings(imported.warnings);
  const fileName = request.fileName === null ? null : request.fileName.slice(0, 255);
  const source = { import: { format: imported.format, fileName, warnings } };
  const note = `Imported from ${fileName ?? 'a file'} (${imported.format}).`.slice(0, 2000);
  const acknowledgeRisks = request.acknowledgeRisks.length ? request.acknowledgeRisks : undefined;

  let detail;
  if (request.templateId) {
    const templateId = assertId(request.templateId, 'The template');
    const template = await getPrisma().policyTemplate.findFirst({ where: { id: templateId, orgId: actor.orgId }, select: { latestVersion: true } });
    if (!template) throw new NotFoundError('The template');
    detail = await saveTemplateVersion(actor, templateId, { settings: imported.settings, note, baseVersion: template.latestVersion, acknowledgeRisks }, source);
  } else {
    detail = await createTemplate(actor, { name: request.name, settings: imported.settings, note, acknowledgeRisks }, source);
  }
  return {
    id: detail.id,
    version: detail.latestVersion,
    format: imported.format,
    settings: detail.settings,
    warnings,
    droppedControls: imported.droppedControls,
    findings: detail.findings,
    created: !request.templateId,
  };
}

/** The preview the import page shows before saving: mapping, warnings and lint, nothing written. */
export function previewImport(actor: Actor, input: { bytes: Uint8Array; fileName: string | null; format: string | null }) {
  assertCan(actor, 'templates:write');
  const imported = importPolicy(input);
  return { ...imported, warnings: capWarnings(imported.warnings) };
}
