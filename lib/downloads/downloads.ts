import 'server-only';
import { z } from 'zod';
import { appendAuditRow } from '@/lib/audit/append-queue';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { getPool, getPrisma } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { FORMAT_IDS, type FormatId } from '@/lib/formats/catalog';
import { exportPolicy } from '@/lib/formats';
import { assertId } from '@/lib/http/ids';
import { parseWith } from '@/lib/http/json';
import { completeSettings } from '@/lib/policy/merge';
import type { PolicySettings } from '@/lib/policy/settings';
import { getEffectivePolicy } from '@/lib/teams/effective';
import { environmentSchema, versionNumberSchema } from '@/lib/templates/schemas';
import { ExportCache, withChecksum, type ExportedFile } from './cache';

const formatSchema = z.enum(FORMAT_IDS, `Use format= one of: ${FORMAT_IDS.join(', ')}.`);

const cache: ExportCache = ((globalThis as { __pilotlightExports?: ExportCache }).__pilotlightExports ??= new ExportCache());

export interface Download extends ExportedFile {
  format: FormatId;
  version: number;
}

/**
 * A template version as one agent's file. The bytes depend only on (version, format,
 * environment), so they are computed once and served from memory afterwards; every download
 * that sends bytes is recorded in the audit log (a 304 revalidation sends none and is not).
 */
export async function downloadTemplate(
  actor: Actor,
  id: string,
  query: { format?: string | null; version?: string | null; environment?: string | null },
): Promise<Download> {
  assertCan(actor, 'templates:read');
  const templateId = assertId(id, 'The template');
  const format = parseWith(formatSchema, query.format ?? undefined, 'The format');
  const requested = query.version ? parseWith(versionNumberSchema, query.version, 'The version') : undefined;
  const environment = query.environment ? parseWith(environmentSchema, query.environment, 'The environment') : 'development';
  // Plain SQL on the hot path (see requireToken); scoped by organization like every query.
  const { rows } = await getPool().query<{ name: string; latest_version: number; purged: string | null }>({
    name: 'download-template-head-v2',
    text: "SELECT name, latest_version, extract(epoch FROM secrets_purged_at)::text AS purged FROM policy_template WHERE id = $1 AND org_id = $2",
    values: [templateId, actor.orgId],
  });
  const template = rows[0];
  if (!template) throw new NotFoundError('The template');
  const version = requested ?? template.latest_version;
  // A secret purge rewrites stored versions in place: bytes exported before it are never served again.
  const key = `${templateId}:${version}:${format}:${environment}:${template.purged ?? ''}`;
  let file = cache.peek(key);
  if (!file) {
    const row = await getPrisma().policyVersion.findUnique({ where: { templateId_version: { templateId, version } }, select: { settings: true } });
    if (!row) throw new NotFoundError(`Version ${version} of the template`);
    file = cache.get(key, () => exportPolicy(format, completeSettings(row.settings as PolicySettings), { templateName: template.name, version, environment }));
  }
  return { ...file, fileName: downloadFileName(format, file.fileName), format, version };
}

/** What a team's machines should get: the team's (or project's) effective policy in one format. */
export async function downloadTeamPolicy(actor: Actor, id: string, query: { format?: string | null; project?: string | null }): Promise<Download> {
  assertCan(actor, 'teams:read');
  const format = parseWith(formatSchema, query.format ?? undefined, 'The format');
  const policy = await getEffectivePolicy(actor, id, query.project);
  const teamLayer = policy.layers.find((layer) => layer.source === 'team');
  const name = policy.project ? `${policy.team.slug}-${policy.project}` : policy.team.slug;
  // The bundle and its README name the team (and project) and every layer, not a template version.
  const layers = policy.layers.map((layer) => (layer.source === 'project' ? `the overrides of project ${layer.label}` : `${layer.source === 'global' ? 'the organization default' : 'the team template'} “${layer.label}” v${layer.version ?? 0}`));
  const description = `the effective policy of team ${policy.team.name}${policy.project ? `, project ${policy.project}` : ''}: the built-in defaults${layers.map((layer) => ` ⊕ ${layer}`).join('')}`;
  // Effective settings are computed per request (they depend on several layers); exporting is cheap.
  const file = withChecksum(
    exportPolicy(format, policy.settings, { templateName: name, version: teamLayer?.version ?? 0, environment: policy.team.environment, team: { slug: name, description } }),
  );
  return { ...file, fileName: downloadFileName(format, file.fileName), format, version: teamLayer?.version ?? 0 };
}

/**
 * The name a browser saves the file under. Four formats are a `settings.json` where they go;
 * downloaded side by side they would overwrite each other, so they are saved as
 * `kiro-project.settings.json` and so on (the README and the menu say where each goes).
 */
export function downloadFileName(format: FormatId, fileName: string): string {
  return fileName === 'settings.json' ? `${format}.settings.json` : fileName;
}

/**
 * A download changes nothing else, so its audit row is a transaction of its own, written by
 * the group-commit queue (see lib/audit/append-queue.ts and audit_append_batch for the
 * trade-off); the response is sent once the row is committed.
 */
export async function recordDownload(actor: Actor, target: { type: 'policy_template' | 'team'; id: string }, download: Download, extra: Record<string, unknown> = {}): Promise<void> {
  await appendAuditRow({
    orgId: actor.orgId,
    actor,
    action: 'policy.downloaded',
    target,
    details: { format: download.format, version: download.version, fileName: download.fileName, sha256: download.sha256, ...extra },
  });
}
