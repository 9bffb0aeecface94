import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { isUniqueViolation } from '@/lib/db/errors';
import { getPrisma, transaction, type Tx } from '@/lib/db/client';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { assertId } from '@/lib/http/ids';
import { parseWith } from '@/lib/http/json';
import { diffSettings, type SettingsChange } from '@/lib/policy/diff';
import { holdsSecret, redactSettingsSecrets } from '@/lib/policy/gate';
import { lintSettings, type LintFinding } from '@/lib/policy/lint';
import { completeSettings } from '@/lib/policy/merge';
import { findPreset } from '@/lib/policy/presets';
import type { PolicySettings } from '@/lib/policy/settings';
import { gateSettingsWrite } from './gate';
import { createTemplateSchema, rollbackSchema, saveVersionSchema, versionNumberSchema } from './schemas';
import { highestSeverity, type RiskLevel } from './risk';

export interface VersionView {
  version: number;
  note: string;
  author: string;
  createdAt: Date;
}

export interface VersionListItem extends VersionView {
  /** The lint finds a literal secret in this version (it can be purged). */
  holdsSecret: boolean;
  /** Its secrets were redacted in place by the purge. */
  secretsPurgedAt: Date | null;
}

export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
  latestVersion: number;
  updatedAt: Date;
  updatedBy: string | null;
  archived: boolean;
  risk: RiskLevel;
  findingCounts: Record<LintFinding['severity'], number>;
  teams: { id: string; name: string; environment: 'development' | 'production' }[];
  isOrgDefault: boolean;
}

export interface TemplateDetail extends Omit<TemplateSummary, 'updatedBy'> {
  version: VersionView;
  settings: PolicySettings;
  findings: LintFinding[];
  createdAt: Date;
}

const versionSelect = { version: true, note: true, authorLabel: true, createdAt: true, settings: true } as const;

function toVersionView(row: { version: number; note: string; authorLabel: string; createdAt: Date }): VersionView {
  return { version: row.version, note: row.note, author: row.authorLabel, createdAt: row.createdAt };
}

/** Lint environment for a template: production when any production team uses it. */
function lintEnvironment(teams: { environment: string }[]): 'development' | 'production' {
  return teams.some((team) => team.environment === 'production') ? 'production' : 'development';
}

function countBySeverity(findings: LintFinding[]): Record<LintFinding['severity'], number> {
  const counts = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

export async function listTemplates(actor: Actor, options: { includeArchived?: boolean } = {}): Promise<TemplateSummary[]> {
  assertCan(actor, 'templates:read');
  const prisma = getPrisma();
  const [templates, orgPolicy] = await Promise.all([
    prisma.policyTemplate.findMany({
      where: { orgId: actor.orgId, ...(options.includeArchived ? {} : { archivedAt: null }) },
      orderBy: { name: 'asc' },
      select: {
        id: true,
        name: true,
        description: true,
        latestVersion: true,
        updatedAt: true,
        archivedAt: true,
        teams: { select: { id: true, name: true, environment: true }, orderBy: { name: 'asc' } },
        versions: { orderBy: { version: 'desc' }, take: 1, select: versionSelect },
      },
    }),
    prisma.orgPolicy.findUnique({ where: { orgId: actor.orgId }, select: { templateId: true } }),
  ]);
  return templates.map((template) => {
    const latest = template.versions[0];
    const findings = latest ? lintSettings(completeSettings(latest.settings as PolicySettings), { environment: lintEnvironment(template.teams) }) : [];
    return {
      id: template.id,
      name: template.name,
      description: template.description,
      latestVersion: template.latestVersion,
      updatedAt: template.updatedAt,
      updatedBy: latest?.authorLabel ?? null,
      archived: template.archivedAt !== null,
      risk: highestSeverity(findings),
      findingCounts: countBySeverity(findings),
      teams: template.teams,
      isOrgDefault: orgPolicy?.templateId === template.id,
    };
  });
}

/** A template of the actor's organization with one of its versions (default: the latest). */
export async function getTemplate(actor: Actor, id: string, options: { version?: number | string } = {}): Promise<TemplateDetail> {
  assertCan(actor, 'templates:read');
  const templateId = assertId(id, 'The template');
  const version = options.version === undefined ? undefined : parseWith(versionNumberSchema, options.version, 'The version');
  return loadDetail(getPrisma(), actor.orgId, templateId, version);
}

async function loadDetail(db: Tx | ReturnType<typeof getPrisma>, orgId: string, templateId: string, version?: number): Promise<TemplateDetail> {
  const template = await db.policyTemplate.findFirst({
    where: { id: templateId, orgId },
    select: {
      id: true,
      name: true,
      description: true,
      latestVersion: true,
      createdAt: true,
      updatedAt: true,
      archivedAt: true,
      teams: { select: { id: true, name: true, environment: true }, orderBy: { name: 'asc' } },
      orgPolicies: { select: { orgId: true } },
      versions: { where: { version: version ?? undefined }, orderBy: { version: 'desc' }, take: 1, select: versionSelect },
    },
  });
  if (!template) throw new NotFoundError('The template');
  const row = template.versions[0];
  if (!row) throw new NotFoundError(`Version ${version ?? template.latestVersion} of the template`);
  const settings = row.settings as PolicySettings;
  const findings = lintSettings(completeSettings(settings), { environment: lintEnvironment(template.teams) });
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    latestVersion: template.latestVersion,
    createdAt: template.createdAt,
    updatedAt: template.updatedAt,
    archived: template.archivedAt !== null,
    teams: template.teams,
    isOrgDefault: template.orgPolicies.length > 0,
    version: toVersionView(row),
    settings,
    findings,
    risk: highestSeverity(findings),
    findingCounts: countBySeverity(findings),
  };
}

/** Inserts version `latest + 1` and moves the pointer, with its audit row, in the caller's transaction. */
async function insertVersion(
  tx: Tx,
  actor: Actor,
  template: { id: string; latestVersion: number },
  settings: PolicySettings,
  note: string,
  acknowledged: string[],
): Promise<number> {
  const version = template.latestVersion + 1;
  await tx.policyVersion.create({
    data: {
      orgId: actor.orgId,
      templateId: template.id,
      version,
      settings,
      note,
      authorId: actor.userId,
      authorLabel: actor.label,
      acknowledgedRisks: acknowledged,
    },
  });
  await tx.policyTemplate.update({ where: { id: template.id }, data: { latestVersion: version, updatedAt: new Date() } });
  return version;
}

/** Audit rows and diffs never carry a literal secret, acknowledged or not. */
const masked = (settings: unknown): PolicySettings => redactSettingsSecrets((settings ?? {}) as PolicySettings, 'mask');

/** How a version came to be when not typed in the editor (e.g. an imported file); kept in the audit row. */
export interface VersionSource {
  import?: { format: string; fileName: string | null; warnings: string[] };
}

export async function createTemplate(actor: Actor, input: unknown, source: VersionSource = {}): Promise<TemplateDetail> {
  assertCan(actor, 'templates:write');
  const data = parseWith(createTemplateSchema, input, 'The template');
  const preset = data.preset ? findPreset(data.preset) : undefined;
  // A new template is used by no team yet: it is linted as a development layer.
  const { settings, acknowledged } = gateSettingsWrite(preset ? structuredClone(preset.settings) : (data.settings ?? {}), {
    environment: 'development',
    acknowledgeRisks: data.acknowledgeRisks,
  });
  try {
    return await transaction(async (tx) => {
      const template = await tx.policyTemplate.create({
        data: { orgId: actor.orgId, name: data.name, description: data.description ?? preset?.description ?? '' },
      });
      const note = data.note ?? (preset ? `Created from the preset ${preset.name}.` : 'Created.');
      await insertVersion(tx, actor, template, settings, note, acknowledged);
      await recordAudit(tx, {
        orgId: actor.orgId,
        actor,
        action: 'template.created',
        target: { type: 'policy_template', id: template.id },
        after: { name: template.name, version: 1, settings: masked(settings), ...(acknowledged.length ? { acknowledgedRisks: acknowledged } : {}), ...(preset ? { preset: preset.id } : {}) },
        ...(source.import ? { details: { import: source.import } } : {}),
      });
      return loadDetail(tx, actor.orgId, template.id);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`A template named “${data.name}” already exists.`, { field: 'name' });
    throw error;
  }
}

/**
 * Locks the template row for the rest of the transaction and checks the editor's base version:
 * of two concurrent saves from the same base, the second waits here and then gets a 409.
 */
async function lockForSave(tx: Tx, actor: Actor, templateId: string, baseVersion: number) {
  const [row] = await tx.$queryRaw<{ latest_version: number; archived_at: Date | null }[]>`
    SELECT latest_version, archived_at FROM policy_template
    WHERE id = ${templateId}::uuid AND org_id = ${actor.orgId}::uuid FOR UPDATE`;
  if (!row) throw new NotFoundError('The template');
  if (row.archived_at) throw new ConflictError('The template is archived; it can no longer be edited.');
  if (row.latest_version !== baseVersion) {
    const message = `Version ${row.latest_version} was saved after version ${baseVersion}, which your edit started from. Review the newer version and save again.`;
    // The newer settings go only to callers who may read templates: a write-only token must not
    // read a template through the conflict it provokes.
    if (!actor.scopes.includes('templates:read')) throw new ConflictError(message, { currentVersion: row.latest_version });
    const current = await loadDetail(tx, actor.orgId, templateId);
    throw new ConflictError(message, { currentVersion: row.latest_version, current: { version: current.version, settings: current.settings } });
  }
  return { id: templateId, latestVersion: row.latest_version };
}

async function saveVersion(
  actor: Actor,
  templateId: string,
  baseVersion: number,
  input: { settings: unknown; acknowledgeRisks?: readonly string[] },
  note: string,
  source: VersionSource = {},
): Promise<TemplateDetail> {
  try {
    return await transaction(async (tx) => {
      const template = await lockForSave(tx, actor, templateId, baseVersion);
      const teams = await tx.team.findMany({ where: { templateId, orgId: actor.orgId }, select: { environment: true } });
      const { settings, acknowledged } = gateSettingsWrite(input.settings, { environment: lintEnvironment(teams), acknowledgeRisks: input.acknowledgeRisks });
      const previous = await tx.policyVersion.findUniqueOrThrow({
        where: { templateId_version: { templateId, version: template.latestVersion } },
        select: { settings: true },
      });
      const version = await insertVersion(tx, actor, template, settings, note, acknowledged);
      await recordAudit(tx, {
        orgId: actor.orgId,
        actor,
        action: 'template.version_created',
        target: { type: 'policy_template', id: templateId },
        before: { version: template.latestVersion, settings: masked(previous.settings) },
        after: { version, settings: masked(settings), note, ...(acknowledged.length ? { acknowledgedRisks: acknowledged } : {}) },
        ...(source.import ? { details: { import: source.import } } : {}),
      });
      return loadDetail(tx, actor.orgId, templateId);
    });
  } catch (error) {
    // The unique (template_id, version) key is the database's own guard against a lost update.
    if (isUniqueViolation(error)) throw new ConflictError('Someone else saved a version at the same moment. Reload and save again.');
    throw error;
  }
}

/** PUT: saves the edited settings as a new immutable version, unless the base is stale (409). */
export async function saveTemplateVersion(actor: Actor, id: string, input: unknown, source: VersionSource = {}): Promise<TemplateDetail> {
  assertCan(actor, 'templates:write');
  const templateId = assertId(id, 'The template');
  const data = parseWith(saveVersionSchema, input, 'The template version');
  return saveVersion(actor, templateId, data.baseVersion, data, data.note ?? '', source);
}

/** Rollback is a new version equal to an old one; history is never rewritten. */
export async function rollbackTemplate(actor: Actor, id: string, input: unknown): Promise<TemplateDetail> {
  assertCan(actor, 'templates:write');
  const templateId = assertId(id, 'The template');
  const { toVersion, baseVersion, acknowledgeRisks } = parseWith(rollbackSchema, input, 'The rollback');
  const old = await getPrisma().policyVersion.findFirst({
    where: { templateId, orgId: actor.orgId, version: toVersion },
    select: { settings: true },
  });
  if (!old) throw new NotFoundError(`Version ${toVersion} of the template`);
  // The old version passes today's gate: its risks are acknowledged again, by whoever rolls back.
  return saveVersion(actor, templateId, baseVersion, { settings: old.settings, acknowledgeRisks }, `Rolled back to version ${toVersion}.`);
}

export async function listVersions(actor: Actor, id: string): Promise<VersionListItem[]> {
  assertCan(actor, 'templates:read');
  const templateId = assertId(id, 'The template');
  const template = await getPrisma().policyTemplate.findFirst({
    where: { id: templateId, orgId: actor.orgId },
    select: { versions: { orderBy: { version: 'desc' }, select: { ...versionSelect, secretsPurgedAt: true } } },
  });
  if (!template) throw new NotFoundError('The template');
  return template.versions.map((row) => ({ ...toVersionView(row), holdsSecret: holdsSecret(row.settings as PolicySettings), secretsPurgedAt: row.secretsPurgedAt }));
}

export interface VersionDiff {
  from: VersionView;
  to: VersionView;
  changes: SettingsChange[];
}

export async function diffVersions(actor: Actor, id: string, from: unknown, to: unknown): Promise<VersionDiff> {
  assertCan(actor, 'templates:read');
  const templateId = assertId(id, 'The template');
  const fromVersion = parseWith(versionNumberSchema, from, 'The “from” version');
  const toVersion = parseWith(versionNumberSchema, to, 'The “to” version');
  const rows = await getPrisma().policyVersion.findMany({
    where: { templateId, orgId: actor.orgId, version: { in: [fromVersion, toVersion] } },
    select: versionSelect,
  });
  const a = rows.find((row) => row.version === fromVersion);
  const b = rows.find((row) => row.version === toVersion);
  if (!a || !b) {
    const exists = await getPrisma().policyTemplate.count({ where: { id: templateId, orgId: actor.orgId } });
    throw new NotFoundError(exists ? `Version ${!a ? fromVersion : toVersion} of the template` : 'The template');
  }
  return { from: toVersionView(a), to: toVersionView(b), changes: diffSettings(masked(a.settings), masked(b.settings)) };
}

/**
 * The audited purge for versions that already hold a literal secret (saved before the gate
 * refused them, or acknowledged): every such version of the template gets its secrets redacted
 * in place — an env value becomes the `${VAR}` reference that is the fix, any other secret
 * `[REDACTED]` — through the one database function allowed to touch a stored version. The audit
 * row names the versions and the fields, never the secrets. Rotate the secret anyway: it was
 * downloadable until now.
 */
export async function purgeTemplateSecrets(actor: Actor, id: string): Promise<{ versions: number[] }> {
  assertCan(actor, 'templates:archive');
  const templateId = assertId(id, 'The template');
  return transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ name: string }[]>`
      SELECT name FROM policy_template WHERE id = ${templateId}::uuid AND org_id = ${actor.orgId}::uuid FOR UPDATE`;
    if (!row) throw new NotFoundError('The template');
    const versions = await tx.policyVersion.findMany({ where: { templateId, orgId: actor.orgId }, orderBy: { version: 'asc' }, select: { id: true, version: true, settings: true } });
    const purged: { version: number; fields: string[] }[] = [];
    for (const version of versions) {
      const settings = version.settings as PolicySettings;
      if (!holdsSecret(settings)) continue;
      let redacted = redactSettingsSecrets(settings, 'reference');
      // What the lint still calls a secret after the reference rewrite (e.g. a malformed name) is masked.
      if (holdsSecret(redacted)) redacted = redactSettingsSecrets(redacted, 'mask');
      const fields = lintSettings(completeSettings(settings))
        .filter((finding) => finding.rule === 'hardcoded-secret')
        .map((finding) => finding.path);
      await tx.$executeRaw`SELECT purge_policy_version_secrets(${version.id}::uuid, ${JSON.stringify(redacted)}::jsonb)`;
      purged.push({ version: version.version, fields });
    }
    if (purged.length === 0) return { versions: [] };
    await tx.policyTemplate.update({ where: { id: templateId }, data: { secretsPurgedAt: new Date() } });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor,
      action: 'template.secrets_purged',
      target: { type: 'policy_template', id: templateId },
      details: { name: row.name, versions: purged },
    });
    return { versions: purged.map((entry) => entry.version) };
  });
}

/** Archives a template that no team and no organization default uses (409 otherwise). */
export async function archiveTemplate(actor: Actor, id: string): Promise<void> {
  assertCan(actor, 'templates:archive');
  const templateId = assertId(id, 'The template');
  await transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ name: string; archived_at: Date | null }[]>`
      SELECT name, archived_at FROM policy_template WHERE id = ${templateId}::uuid AND org_id = ${actor.orgId}::uuid FOR UPDATE`;
    if (!row) throw new NotFoundError('The template');
    if (row.archived_at) return;
    const teams = await tx.team.findMany({ where: { templateId, orgId: actor.orgId }, select: { name: true } });
    const isDefault = (await tx.orgPolicy.count({ where: { templateId, orgId: actor.orgId } })) > 0;
    if (teams.length || isDefault) {
      const users = [...(isDefault ? ['the organization default'] : []), ...teams.map((team) => `team ${team.name}`)];
      throw new ConflictError(`The template is in use by ${users.join(', ')}; assign another template first.`, { usedBy: users });
    }
    await tx.policyTemplate.update({ where: { id: templateId }, data: { archivedAt: new Date() } });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor,
      action: 'template.archived',
      target: { type: 'policy_template', id: templateId },
      before: { name: row.name, archived: false },
      after: { name: row.name, archived: true },
    });
  });
}

