import 'server-only';
import { describeAuditAction } from '@/lib/audit/actions';
import { getPrisma } from '@/lib/db/client';
import { diffSettings, type SettingsChange } from '@/lib/policy/diff';
import { flattenSettings } from '@/lib/policy/fields';
import { redactSettingsSecrets } from '@/lib/policy/gate';
import type { CompleteSettings, PolicySettings } from '@/lib/policy/settings';
import { getEffectivePolicy, type EffectivePolicy } from '@/lib/teams/effective';
import { getOrgPolicy, listTeams } from '@/lib/teams/teams';
import { diffVersions } from '@/lib/templates/templates';
import type { AssignmentChange, FieldChange, PolicySection, TeamPolicy, VersionChange } from '../model';
import { displayValue, type ReportScope } from '../scope';
import { auditRowsInPeriod, type AuditRow } from './audit-rows';

/** At most this many versions get a diff in one report (a period with more is summarised by the first ones). */
const MAX_VERSIONS = 200;
const ASSIGNMENT_ACTIONS = ['policy.org_assigned', 'policy.team_assigned', 'project.overrides_set', 'project.deleted'] as const;

/** One team's effective policy as the team page shows it: every leaf with its layer, masked, and its lint findings. */
export function teamPolicyOf(policy: EffectivePolicy): TeamPolicy {
  const masked = redactSettingsSecrets(policy.settings as PolicySettings, 'mask') as CompleteSettings;
  return {
    team: policy.team,
    layers: policy.layers.map((l) => ({ source: l.source, label: l.label, templateId: l.templateId ?? null, version: l.version ?? null, pinned: l.pinned ?? null })),
    fields: flattenSettings(masked).map((leaf) => ({ path: leaf.path, label: leaf.label, value: displayValue(leaf.value), origin: policy.provenance[leaf.path] ?? 'default' })),
    findings: policy.findings.map((f) => ({ rule: f.rule, severity: f.severity, path: f.path, message: f.message })),
  };
}

export function fieldChanges(changes: readonly SettingsChange[]): FieldChange[] {
  return changes.map((c) => {
    switch (c.kind) {
      case 'added':
        return { path: c.path, kind: c.kind, before: null, after: displayValue(c.after) };
      case 'removed':
        return { path: c.path, kind: c.kind, before: displayValue(c.before), after: null };
      case 'changed':
        return { path: c.path, kind: c.kind, before: displayValue(c.before), after: displayValue(c.after) };
      case 'list':
        return {
          path: c.path,
          kind: c.kind,
          before: c.removed.length ? `removed: ${displayValue(c.removed)}` : c.reordered ? 'reordered' : null,
          after: c.added.length ? `added: ${displayValue(c.added)}` : null,
        };
    }
  });
}

function describeAssignmentSide(value: unknown): string {
  if (!value || typeof value !== 'object') return '(none)';
  const v = value as Record<string, unknown>;
  if ('overrides' in v) return displayValue(v.overrides);
  if (v.template === null || v.template === undefined) return '(none)';
  return `${String(v.template)}${v.version ? ` v${String(v.version)} (pinned)` : ' (latest)'}`;
}

export function assignmentChange(row: AuditRow, teamNames: ReadonlyMap<string, string>): AssignmentChange {
  const id = row.target_id ?? '';
  const [teamId, project] = id.split('/');
  const teamName = teamNames.get(teamId ?? '') ?? teamId ?? '';
  const target = row.target_type === 'organization' ? 'Organization default' : project ? `${teamName} / project ${project}` : teamName;
  return {
    seq: row.seq,
    at: row.created_at.toISOString(),
    actor: row.actor_label ?? row.actor_type,
    action: row.action,
    description: describeAuditAction(row.action),
    target,
    before: describeAssignmentSide(row.before),
    after: row.action === 'project.deleted' ? '(deleted)' : describeAssignmentSide(row.after),
  };
}

async function versionsInPeriod(scope: ReportScope, templateIds: string[] | null): Promise<VersionChange[]> {
  const rows = await getPrisma().policyVersion.findMany({
    where: { orgId: scope.ctx.orgId, createdAt: { gte: scope.ctx.start, lt: scope.ctx.end }, ...(templateIds ? { templateId: { in: templateIds } } : {}) },
    orderBy: [{ createdAt: 'asc' }, { version: 'asc' }],
    take: MAX_VERSIONS,
    select: { templateId: true, version: true, note: true, authorLabel: true, createdAt: true, settings: true, template: { select: { name: true } } },
  });
  const out: VersionChange[] = [];
  for (const row of rows) {
    // The template page's diff (secrets masked); version 1 is compared with nothing.
    const changes =
      row.version > 1
        ? (await diffVersions(scope.reader, row.templateId, row.version - 1, row.version)).changes
        : diffSettings({}, redactSettingsSecrets(row.settings as PolicySettings, 'mask'));
    out.push({
      templateId: row.templateId,
      templateName: row.template.name,
      version: row.version,
      author: row.authorLabel,
      createdAt: row.createdAt.toISOString(),
      note: row.note,
      changes: fieldChanges(changes),
    });
  }
  return out;
}

export async function buildPolicySection(scope: ReportScope, asOf: Date): Promise<PolicySection> {
  const { reader, ctx } = scope;
  const teams = await listTeams(reader);
  const inScope = ctx.team ? teams.filter((t) => t.id === ctx.team!.id) : teams;
  const policies = await Promise.all(inScope.map((t) => getEffectivePolicy(reader, t.id)));
  const orgPolicy = await getOrgPolicy(reader);
  const templateIds = ctx.team ? [...new Set([...inScope.flatMap((t) => (t.policy ? [t.policy.templateId] : [])), ...(orgPolicy ? [orgPolicy.templateId] : [])])] : null;
  const [versions, rows] = await Promise.all([versionsInPeriod(scope, templateIds), auditRowsInPeriod(scope, ASSIGNMENT_ACTIONS)]);
  const teamNames = new Map(teams.map((t) => [t.id, t.name]));
  return {
    asOf: asOf.toISOString(),
    teams: policies.map(teamPolicyOf),
    versions,
    assignments: rows.map((row) => assignmentChange(row, teamNames)),
  };
}
