import 'server-only';
import { queryContext } from '@/lib/analytics/context';
import type { MetricsFilters } from '@/lib/analytics/filters';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { getPrisma } from '@/lib/db/client';
import packageJson from '@/package.json';
import { reportDataDigest } from './digest';
import { digestInput, REPORT_KIND, REPORT_SCHEMA_VERSION, type AuditReport, type ReportParams } from './model';
import { reportReader, type ReportScope } from './scope';
import { buildActivitySection } from './sections/activity';
import { buildFindingsSection } from './sections/findings';
import { verifyChainForPeriod } from './sections/integrity';
import { buildPolicySection } from './sections/policy';

/**
 * The one builder of the audit report (issue 13): for a period and the organization or one team,
 * the policy in force, what happened, the findings and the integrity of the audit trail, all read
 * through the lib functions the console pages use. Read-only; lib/reports/generate.ts adds the
 * audit row. Memory is bounded by aggregates: charts are bucketed, downloads grouped, examples capped.
 */
export async function buildAuditReport(actor: Actor, filters: MetricsFilters, options: { now?: () => Date } = {}): Promise<AuditReport> {
  assertCan(actor, 'reports:read');
  const now = options.now ?? (() => new Date());
  const started = performance.now();
  const generatedAt = now();
  const reader = reportReader(actor);
  // Validates the team (404 for another organization's) and fixes the period's instants.
  const ctx = await queryContext(reader, filters);
  const scope: ReportScope = { caller: actor, reader, filters, ctx };
  const org = await getPrisma().organization.findUniqueOrThrow({ where: { id: actor.orgId }, select: { id: true, name: true } });

  // The chain check and the policy section are independent; what happened needs the teams'
  // templates (their downloads count for the team), the findings need the compliance chart.
  const [policy, chain, templates] = await Promise.all([
    buildPolicySection(scope, generatedAt),
    verifyChainForPeriod(scope),
    getPrisma().policyTemplate.findMany({ where: { orgId: actor.orgId }, select: { id: true, name: true } }),
  ]);
  const templateIds = [...new Set(policy.teams.flatMap((t) => t.layers.flatMap((l) => (l.source === 'team' && l.templateId ? [l.templateId] : []))))];
  const names = new Map<string, string>([...templates.map((t) => [t.id, t.name] as const), ...policy.teams.map((t) => [t.team.id, t.team.name] as const)]);
  const activity = await buildActivitySection(scope, { templateIds, names });
  const compliance = activity.charts.find((c) => c.id === 'compliance')!;
  const findings = await buildFindingsSection(scope, compliance);

  const params: ReportParams = { from: filters.range.from, to: filters.range.to, tz: filters.range.tz, team: ctx.team };
  const data = { organization: org, params, policy, activity, findings };
  return {
    kind: REPORT_KIND,
    schemaVersion: REPORT_SCHEMA_VERSION,
    ...data,
    integrity: {
      chain,
      generatedAt: generatedAt.toISOString(),
      generatedBy: actor.kind === 'token' ? `API token of ${actor.label}` : actor.label,
      durationMs: Math.round(performance.now() - started),
      parameters: params,
      generator: { name: packageJson.name, version: packageJson.version },
      dataSha256: reportDataDigest(digestInput({ ...data, chain })),
    },
  };
}
