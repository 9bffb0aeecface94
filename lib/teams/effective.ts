import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { getPrisma } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { assertId } from '@/lib/http/ids';
import { parseWith } from '@/lib/http/json';
import { lintSettings, type LintFinding } from '@/lib/policy/lint';
import { mergeLayers, type Layer, type Provenance } from '@/lib/policy/merge';
import type { CompleteSettings, PolicySettings } from '@/lib/policy/settings';
import { highestSeverity, type RiskLevel } from '@/lib/templates/risk';
import { projectSlugSchema } from './schemas';
import type { Environment } from './teams';

export interface LayerInfo {
  source: 'global' | 'team' | 'project';
  label: string;
  templateId?: string;
  version?: number;
  pinned?: boolean;
}

export interface EffectivePolicy {
  team: { id: string; name: string; slug: string; environment: Environment };
  project: string | null;
  layers: LayerInfo[];
  settings: CompleteSettings;
  provenance: Provenance;
  findings: LintFinding[];
}

/** The version a layer uses: the pinned one, or the template's latest. */
async function versionSettings(templateId: string, version: number): Promise<PolicySettings> {
  const row = await getPrisma().policyVersion.findUnique({ where: { templateId_version: { templateId, version } }, select: { settings: true } });
  return (row?.settings ?? {}) as PolicySettings;
}

/**
 * What a team's (or one of its projects') machines should get: built-in defaults ⊕ the
 * organization default ⊕ the team's template ⊕ the project's overrides, with the origin of every
 * leaf and the lint findings for the team's environment.
 */
export async function getEffectivePolicy(actor: Actor, teamId: string, projectSlug?: string | null): Promise<EffectivePolicy> {
  assertCan(actor, 'teams:read');
  const id = assertId(teamId, 'The team');
  const slug = projectSlug ? parseWith(projectSlugSchema, projectSlug, 'The project') : null;
  const prisma = getPrisma();
  const [team, orgPolicy] = await Promise.all([
    prisma.team.findFirst({
      where: { id, orgId: actor.orgId },
      select: {
        id: true,
        name: true,
        slug: true,
        environment: true,
        pinnedVersion: true,
        template: { select: { id: true, name: true, latestVersion: true } },
        projects: { where: { slug: slug ?? '' }, select: { slug: true, overrides: true } },
      },
    }),
    prisma.orgPolicy.findUnique({ where: { orgId: actor.orgId }, select: { pinnedVersion: true, template: { select: { id: true, name: true, latestVersion: true } } } }),
  ]);
  if (!team) throw new NotFoundError('The team');
  const project = slug ? team.projects[0] : undefined;
  if (slug && !project) throw new NotFoundError(`The project ${slug} of team ${team.name}`);

  const orgVersion = orgPolicy ? (orgPolicy.pinnedVersion ?? orgPolicy.template.latestVersion) : 0;
  const teamVersion = team.template ? (team.pinnedVersion ?? team.template.latestVersion) : 0;
  const [globalSettings, teamSettings] = await Promise.all([
    orgPolicy ? versionSettings(orgPolicy.template.id, orgVersion) : null,
    team.template ? versionSettings(team.template.id, teamVersion) : null,
  ]);
  const layers: Layer[] = [];
  const info: LayerInfo[] = [];
  if (orgPolicy && globalSettings) {
    layers.push({ source: 'global', settings: globalSettings });
    info.push({ source: 'global', label: orgPolicy.template.name, templateId: orgPolicy.template.id, version: orgVersion, pinned: orgPolicy.pinnedVersion !== null });
  }
  if (team.template && teamSettings) {
    layers.push({ source: 'team', settings: teamSettings });
    info.push({ source: 'team', label: team.template.name, templateId: team.template.id, version: teamVersion, pinned: team.pinnedVersion !== null });
  }
  if (project) {
    layers.push({ source: 'project', settings: project.overrides as PolicySettings });
    info.push({ source: 'project', label: project.slug });
  }
  const { settings, provenance } = mergeLayers(layers);
  return {
    team: { id: team.id, name: team.name, slug: team.slug, environment: team.environment },
    project: project?.slug ?? null,
    layers: info,
    settings,
    provenance,
    findings: lintSettings(settings, { environment: team.environment }),
  };
}

export interface ScopeRisk {
  risk: RiskLevel;
  counts: Record<LintFinding['severity'], number>;
}

export interface TeamRisk extends ScopeRisk {
  /** The effective policy of each project (team layers ⊕ its overrides), by slug. */
  projects: Record<string, ScopeRisk>;
}

function scopeRisk(findings: LintFinding[]): ScopeRisk {
  const counts = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return { risk: highestSeverity(findings), counts };
}

/**
 * The lint risk of every team's effective policy and of each of its projects', for the team list:
 * a project override that trusts `*` shows there even though every template is clean. One query
 * for the teams, one for the organization default, one for every layer version involved.
 */
export async function listTeamRisks(actor: Actor): Promise<Record<string, TeamRisk>> {
  assertCan(actor, 'teams:read');
  const prisma = getPrisma();
  const [teams, orgPolicy] = await Promise.all([
    prisma.team.findMany({
      where: { orgId: actor.orgId },
      select: { id: true, environment: true, pinnedVersion: true, template: { select: { id: true, latestVersion: true } }, projects: { select: { slug: true, overrides: true } } },
    }),
    prisma.orgPolicy.findUnique({ where: { orgId: actor.orgId }, select: { pinnedVersion: true, template: { select: { id: true, latestVersion: true } } } }),
  ]);
  const wanted = new Map<string, { templateId: string; version: number }>();
  const want = (templateId: string, version: number) => wanted.set(`${templateId}:${version}`, { templateId, version });
  if (orgPolicy) want(orgPolicy.template.id, orgPolicy.pinnedVersion ?? orgPolicy.template.latestVersion);
  for (const team of teams) if (team.template) want(team.template.id, team.pinnedVersion ?? team.template.latestVersion);
  const rows = wanted.size
    ? await prisma.policyVersion.findMany({ where: { orgId: actor.orgId, OR: [...wanted.values()] }, select: { templateId: true, version: true, settings: true } })
    : [];
  const settingsOf = new Map(rows.map((row) => [`${row.templateId}:${row.version}`, row.settings as PolicySettings]));
  const globalSettings = orgPolicy ? settingsOf.get(`${orgPolicy.template.id}:${orgPolicy.pinnedVersion ?? orgPolicy.template.latestVersion}`) : undefined;
  const out: Record<string, TeamRisk> = {};
  for (const team of teams) {
    const layers: Layer[] = [];
    if (globalSettings) layers.push({ source: 'global', settings: globalSettings });
    const teamSettings = team.template ? settingsOf.get(`${team.template.id}:${team.pinnedVersion ?? team.template.latestVersion}`) : undefined;
    if (teamSettings) layers.push({ source: 'team', settings: teamSettings });
    const lint = (extra: Layer[]) => lintSettings(mergeLayers([...layers, ...extra]).settings, { environment: team.environment });
    const projects: Record<string, ScopeRisk> = {};
    for (const project of team.projects) projects[project.slug] = scopeRisk(lint([{ source: 'project', settings: project.overrides as PolicySettings }]));
    out[team.id] = { ...scopeRisk(lint([])), projects };
  }
  return out;
}
