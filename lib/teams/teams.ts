import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { getPrisma, transaction, type Tx } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { BadRequestError, ConflictError, NotFoundError } from '@/lib/errors';
import { assertId } from '@/lib/http/ids';
import { parseWith } from '@/lib/http/json';
import { redactSettingsSecrets } from '@/lib/policy/gate';
import type { PolicySettings } from '@/lib/policy/settings';
import { gateSettingsWrite } from '@/lib/templates/gate';
import { assignPolicySchema, createTeamSchema, projectOverridesSchema, projectSlugSchema, updateTeamSchema } from './schemas';

export type Environment = 'development' | 'production';

export interface PolicyAssignment {
  templateId: string;
  templateName: string;
  /** null: follows the template's latest version. */
  pinnedVersion: number | null;
  latestVersion: number;
}

export interface TeamView {
  id: string;
  name: string;
  slug: string;
  environment: Environment;
  policy: PolicyAssignment | null;
  projects: { slug: string; overrides: PolicySettings; acknowledgedRisks: string[]; updatedAt: Date }[];
  createdAt: Date;
}

const teamSelect = {
  id: true,
  name: true,
  slug: true,
  environment: true,
  createdAt: true,
  pinnedVersion: true,
  template: { select: { id: true, name: true, latestVersion: true } },
  projects: { select: { slug: true, overrides: true, acknowledgedRisks: true, updatedAt: true }, orderBy: { slug: 'asc' } },
} as const;

type TeamRow = {
  id: string;
  name: string;
  slug: string;
  environment: Environment;
  createdAt: Date;
  pinnedVersion: number | null;
  template: { id: string; name: string; latestVersion: number } | null;
  projects: { slug: string; overrides: unknown; acknowledgedRisks: string[]; updatedAt: Date }[];
};

function toView(row: TeamRow): TeamView {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    environment: row.environment,
    createdAt: row.createdAt,
    projects: row.projects.map((project) => ({ ...project, overrides: project.overrides as PolicySettings })),
    policy: row.template
      ? { templateId: row.template.id, templateName: row.template.name, pinnedVersion: row.pinnedVersion, latestVersion: row.template.latestVersion }
      : null,
  };
}

export async function listTeams(actor: Actor): Promise<TeamView[]> {
  assertCan(actor, 'teams:read');
  const rows = await getPrisma().team.findMany({ where: { orgId: actor.orgId }, orderBy: { name: 'asc' }, select: teamSelect });
  return rows.map(toView);
}

export async function getTeam(actor: Actor, id: string): Promise<TeamView> {
  assertCan(actor, 'teams:read');
  const row = await getPrisma().team.findFirst({ where: { id: assertId(id, 'The team'), orgId: actor.orgId }, select: teamSelect });
  if (!row) throw new NotFoundError('The team');
  return toView(row);
}

function conflictFor(error: unknown): never {
  if (isUniqueViolation(error)) throw new ConflictError('Another team already has this name or slug.');
  throw error;
}

export async function createTeam(actor: Actor, input: unknown): Promise<TeamView> {
  assertCan(actor, 'teams:write');
  const data = parseWith(createTeamSchema, input, 'The team');
  return transaction(async (tx) => {
    const row = await tx.team.create({ data: { orgId: actor.orgId, ...data }, select: teamSelect });
    await recordAudit(tx, { orgId: actor.orgId, actor, action: 'team.created', target: { type: 'team', id: row.id }, after: data });
    return toView(row);
  }).catch(conflictFor);
}

export async function updateTeam(actor: Actor, id: string, input: unknown): Promise<TeamView> {
  assertCan(actor, 'teams:write');
  const teamId = assertId(id, 'The team');
  const data = parseWith(updateTeamSchema, input, 'The team');
  return transaction(async (tx) => {
    const before = await tx.team.findFirst({ where: { id: teamId, orgId: actor.orgId }, select: { name: true, slug: true, environment: true } });
    if (!before) throw new NotFoundError('The team');
    const row = await tx.team.update({ where: { id: teamId }, data: { ...data, updatedAt: new Date() }, select: teamSelect });
    await recordAudit(tx, { orgId: actor.orgId, actor, action: 'team.updated', target: { type: 'team', id: teamId }, before, after: { name: row.name, slug: row.slug, environment: row.environment } });
    return toView(row);
  }).catch(conflictFor);
}

export async function deleteTeam(actor: Actor, id: string): Promise<void> {
  assertCan(actor, 'teams:delete');
  const teamId = assertId(id, 'The team');
  await transaction(async (tx) => {
    const before = await tx.team.findFirst({ where: { id: teamId, orgId: actor.orgId }, select: teamSelect });
    if (!before) throw new NotFoundError('The team');
    await tx.team.delete({ where: { id: teamId } });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor,
      action: 'team.deleted',
      target: { type: 'team', id: teamId },
      before: { name: before.name, slug: before.slug, environment: before.environment, template: before.template?.name ?? null, projects: before.projects.map((p) => p.slug) },
    });
  });
}

/**
 * The template (of this organization, not archived) and, when pinned, that version must exist.
 * The template row is share-locked until the assignment commits: archiving takes the row lock
 * FOR UPDATE, so an archive and an assignment of the same template are serialized — either the
 * archive goes first and this sees `archived_at`, or it waits and then sees this assignment (409).
 */
async function checkAssignable(tx: Tx, orgId: string, templateId: string, version: number | null | undefined) {
  const [row] = await tx.$queryRaw<{ id: string; name: string; latest_version: number; archived_at: Date | null }[]>`
    SELECT id, name, latest_version, archived_at FROM policy_template
    WHERE id = ${templateId}::uuid AND org_id = ${orgId}::uuid FOR SHARE`;
  if (!row) throw new NotFoundError('The template');
  const template = { id: row.id, name: row.name, latestVersion: row.latest_version };
  if (row.archived_at) throw new ConflictError(`The template “${template.name}” is archived.`);
  if (version != null && version > template.latestVersion) {
    throw new BadRequestError(`The template “${template.name}” has no version ${version} (latest is ${template.latestVersion}).`, {
      issues: [{ path: 'version', message: `At most ${template.latestVersion}.` }],
    });
  }
  return template;
}

/** PUT /teams/{id}/policy: the team layer. `templateId: null` removes it. */
export async function assignTeamPolicy(actor: Actor, id: string, input: unknown): Promise<TeamView> {
  assertCan(actor, 'teams:write');
  const teamId = assertId(id, 'The team');
  const { templateId, version } = parseWith(assignPolicySchema, input, 'The assignment');
  return transaction(async (tx) => {
    const before = await tx.team.findFirst({ where: { id: teamId, orgId: actor.orgId }, select: teamSelect });
    if (!before) throw new NotFoundError('The team');
    const template = templateId ? await checkAssignable(tx, actor.orgId, templateId, version) : null;
    const row = await tx.team.update({
      where: { id: teamId },
      data: { templateId: template?.id ?? null, pinnedVersion: version ?? null, updatedAt: new Date() },
      select: teamSelect,
    });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor,
      action: 'policy.team_assigned',
      target: { type: 'team', id: teamId },
      before: { template: before.template?.name ?? null, templateId: before.template?.id ?? null, version: before.pinnedVersion },
      after: { template: template?.name ?? null, templateId: template?.id ?? null, version: version ?? null },
    });
    return toView(row);
  });
}

export async function getOrgPolicy(actor: Actor): Promise<PolicyAssignment | null> {
  assertCan(actor, 'teams:read');
  const row = await getPrisma().orgPolicy.findUnique({
    where: { orgId: actor.orgId },
    select: { pinnedVersion: true, template: { select: { id: true, name: true, latestVersion: true } } },
  });
  return row ? { templateId: row.template.id, templateName: row.template.name, pinnedVersion: row.pinnedVersion, latestVersion: row.template.latestVersion } : null;
}

/** PUT /org/policy: the global layer every team inherits from. `templateId: null` removes it. */
export async function assignOrgPolicy(actor: Actor, input: unknown): Promise<PolicyAssignment | null> {
  assertCan(actor, 'teams:write');
  const { templateId, version } = parseWith(assignPolicySchema, input, 'The assignment');
  await transaction(async (tx) => {
    const before = await tx.orgPolicy.findUnique({ where: { orgId: actor.orgId }, select: { templateId: true, pinnedVersion: true, template: { select: { name: true } } } });
    const template = templateId ? await checkAssignable(tx, actor.orgId, templateId, version) : null;
    if (template) {
      await tx.orgPolicy.upsert({
        where: { orgId: actor.orgId },
        create: { orgId: actor.orgId, templateId: template.id, pinnedVersion: version ?? null },
        update: { templateId: template.id, pinnedVersion: version ?? null, updatedAt: new Date() },
      });
    } else if (before) {
      await tx.orgPolicy.delete({ where: { orgId: actor.orgId } });
    }
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor,
      action: 'policy.org_assigned',
      target: { type: 'organization', id: actor.orgId },
      before: { template: before?.template.name ?? null, templateId: before?.templateId ?? null, version: before?.pinnedVersion ?? null },
      after: { template: template?.name ?? null, templateId: template?.id ?? null, version: version ?? null },
    });
  });
  return getOrgPolicy(actor);
}

export interface ProjectOverrides {
  slug: string;
  overrides: PolicySettings;
  acknowledgedRisks: string[];
}

const maskedOverrides = (overrides: unknown) => redactSettingsSecrets((overrides ?? {}) as PolicySettings, 'mask');

/**
 * PUT /teams/{id}/projects/{slug}: creates or replaces a project's overrides (the highest layer).
 * Like every settings write it passes the one gate (validation, lint for the team's environment,
 * acknowledgements for `*` and literal secrets); the audit row masks secrets.
 */
export async function setProjectOverrides(actor: Actor, id: string, slugInput: string, input: unknown): Promise<ProjectOverrides> {
  assertCan(actor, 'teams:write');
  const teamId = assertId(id, 'The team');
  const slug = parseWith(projectSlugSchema, slugInput, 'The project slug');
  const data = parseWith(projectOverridesSchema, input, 'The project overrides');
  return transaction(async (tx) => {
    const team = await tx.team.findFirst({ where: { id: teamId, orgId: actor.orgId }, select: { id: true, environment: true } });
    if (!team) throw new NotFoundError('The team');
    const { settings: overrides, acknowledged } = gateSettingsWrite(data.overrides, { environment: team.environment, acknowledgeRisks: data.acknowledgeRisks, field: 'overrides' });
    const before = await tx.project.findUnique({ where: { teamId_slug: { teamId, slug } }, select: { overrides: true, acknowledgedRisks: true } });
    await tx.project.upsert({
      where: { teamId_slug: { teamId, slug } },
      create: { orgId: actor.orgId, teamId, slug, overrides, acknowledgedRisks: acknowledged },
      update: { overrides, acknowledgedRisks: acknowledged, updatedAt: new Date() },
    });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor,
      action: 'project.overrides_set',
      target: { type: 'project', id: `${teamId}/${slug}` },
      before: before ? { overrides: maskedOverrides(before.overrides), acknowledgedRisks: before.acknowledgedRisks } : null,
      after: { overrides: maskedOverrides(overrides), acknowledgedRisks: acknowledged },
    });
    return { slug, overrides, acknowledgedRisks: acknowledged };
  });
}

export async function getProjectOverrides(actor: Actor, id: string, slugInput: string): Promise<ProjectOverrides> {
  assertCan(actor, 'teams:read');
  const teamId = assertId(id, 'The team');
  const slug = parseWith(projectSlugSchema, slugInput, 'The project slug');
  const project = await getPrisma().project.findFirst({ where: { teamId, slug, orgId: actor.orgId }, select: { overrides: true, acknowledgedRisks: true } });
  if (!project) throw new NotFoundError(`The project ${slug}`);
  return { slug, overrides: project.overrides as PolicySettings, acknowledgedRisks: project.acknowledgedRisks };
}

export async function deleteProject(actor: Actor, id: string, slugInput: string): Promise<void> {
  assertCan(actor, 'teams:write');
  const teamId = assertId(id, 'The team');
  const slug = parseWith(projectSlugSchema, slugInput, 'The project slug');
  await transaction(async (tx) => {
    const project = await tx.project.findFirst({ where: { teamId, slug, orgId: actor.orgId }, select: { id: true, overrides: true } });
    if (!project) throw new NotFoundError(`The project ${slug}`);
    await tx.project.delete({ where: { id: project.id } });
    await recordAudit(tx, { orgId: actor.orgId, actor, action: 'project.deleted', target: { type: 'project', id: `${teamId}/${slug}` }, before: { overrides: maskedOverrides(project.overrides) } });
  });
}
