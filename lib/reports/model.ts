import { z } from 'zod';

/**
 * The audit report as data: one builder (lib/reports/build.ts) fills it, four renderers (JSON,
 * CSV, HTML, PDF) read it. The zod schema is the contract: the JSON renderer publishes it as a
 * JSON Schema (z.toJSONSchema) and tests parse built reports with it. Pure: no I/O, safe anywhere.
 * Values are display-ready (policy values as text, secrets already masked) so every renderer
 * shows the same words.
 */
export const REPORT_KIND = 'pilotlight.audit-report';
export const REPORT_SCHEMA_VERSION = 1;

const iso = z.string().describe('ISO 8601 instant (UTC)');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('Calendar day YYYY-MM-DD');

export const teamRefSchema = z.object({ id: z.string(), name: z.string(), slug: z.string() });

export const reportParamsSchema = z.object({
  from: day,
  to: day,
  tz: z.string(),
  team: teamRefSchema.nullable().describe('null: the whole organization'),
});

export const policyFieldSchema = z.object({
  path: z.string(),
  label: z.string(),
  value: z.string().describe('The value as text; secrets masked'),
  origin: z.enum(['default', 'global', 'team', 'project']),
});

export const lintFindingSchema = z.object({
  rule: z.string(),
  severity: z.enum(['critical', 'high', 'medium', 'low']),
  path: z.string(),
  message: z.string(),
});

export const teamPolicySchema = z.object({
  team: teamRefSchema.extend({ environment: z.enum(['development', 'production']) }),
  layers: z.array(z.object({ source: z.enum(['global', 'team', 'project']), label: z.string(), templateId: z.string().nullable(), version: z.number().int().nullable(), pinned: z.boolean().nullable() })),
  fields: z.array(policyFieldSchema),
  findings: z.array(lintFindingSchema),
});

export const fieldChangeSchema = z.object({
  path: z.string(),
  kind: z.enum(['added', 'removed', 'changed', 'list']),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

export const versionChangeSchema = z.object({
  templateId: z.string(),
  templateName: z.string(),
  version: z.number().int(),
  author: z.string(),
  createdAt: iso,
  note: z.string(),
  changes: z.array(fieldChangeSchema).describe('Field-level diff against the previous version (version 1: against nothing)'),
});

export const assignmentChangeSchema = z.object({
  seq: z.number().int(),
  at: iso,
  actor: z.string(),
  action: z.string(),
  description: z.string(),
  target: z.string(),
  before: z.string(),
  after: z.string(),
});

export const policySectionSchema = z.object({
  asOf: iso.describe('The effective policies are read at this instant (the generation time)'),
  teams: z.array(teamPolicySchema),
  versions: z.array(versionChangeSchema),
  assignments: z.array(assignmentChangeSchema),
});

export const pointSchema = z.object({ x: z.string(), y: z.number().nullable() });

export const chartSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  unit: z.string(),
  kind: z.enum(['time', 'category']),
  bucket: z.enum(['hour', 'day', 'week']),
  series: z.array(
    z.object({
      name: z.string(),
      total: z.number().nullable().describe('Sum over the period; null for values that do not add up (percentiles, rates, daily distinct users)'),
      max: z.number().nullable(),
      data: z.array(pointSchema),
    }),
  ),
});

export const kpiSchema = z.object({
  id: z.string(),
  label: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  previous: z.number().nullable().describe('The same figure for the period of the same length just before'),
});

export const downloadRowSchema = z.object({
  actor: z.string().describe('Who fetched: the member or the API token (machines use tokens)'),
  actorType: z.string(),
  target: z.string(),
  format: z.string(),
  version: z.number().int().nullable(),
  count: z.number().int(),
  last: iso,
});

export const activitySectionSchema = z.object({
  kpis: z.array(kpiSchema),
  peopleActive: z.number().int(),
  uploads: z.object({
    total: z.number().int(),
    accepted: z.number().int(),
    rejected: z.number().int(),
    byFormat: z.array(z.object({ format: z.string(), uploads: z.number().int(), accepted: z.number().int(), rejected: z.number().int() })),
  }),
  downloads: z.object({
    total: z.number().int(),
    byFormatAndVersion: z.array(z.object({ format: z.string(), version: z.number().int().nullable(), count: z.number().int() })),
    byMachine: z.array(downloadRowSchema),
  }),
  charts: z.array(chartSummarySchema),
});

export const findingExampleSchema = z.object({
  time: z.string(),
  user: z.string().nullable(),
  team: z.string().nullable(),
  detail: z.string().nullable().describe('What was found; prompt text is never included, secrets masked'),
});

export const findingSeriesSchema = z.object({
  series: z.string(),
  label: z.string(),
  count: z.number(),
  drillDown: z.string().describe('Console path of the drill-down for this series and period'),
  examples: z.array(findingExampleSchema),
});

export const findingsSectionSchema = z.object({ series: z.array(findingSeriesSchema) });

export const chainStatusSchema = z.object({
  status: z.enum(['intact', 'broken', 'empty']),
  rowsChecked: z.number().int().describe('Entries verified, from #1 to the last entry of the period'),
  periodEntries: z.number().int(),
  firstSeq: z.number().int().nullable(),
  lastSeq: z.number().int().nullable(),
  firstBreak: z.object({ seq: z.number().int(), reason: z.string(), message: z.string() }).nullable(),
});

export const integritySectionSchema = z.object({
  chain: chainStatusSchema,
  generatedAt: iso,
  generatedBy: z.string(),
  durationMs: z.number(),
  parameters: reportParamsSchema,
  generator: z.object({ name: z.string(), version: z.string() }),
  dataSha256: z.string().regex(/^[0-9a-f]{64}$/).describe('sha256 of the canonical JSON of organization, parameters, policy, activity, findings and chain status'),
});

export const auditReportSchema = z.object({
  kind: z.literal(REPORT_KIND),
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  organization: z.object({ id: z.string(), name: z.string() }),
  params: reportParamsSchema,
  policy: policySectionSchema,
  activity: activitySectionSchema,
  findings: findingsSectionSchema,
  integrity: integritySectionSchema,
});

export type ReportParams = z.infer<typeof reportParamsSchema>;
export type TeamPolicy = z.infer<typeof teamPolicySchema>;
export type FieldChange = z.infer<typeof fieldChangeSchema>;
export type VersionChange = z.infer<typeof versionChangeSchema>;
export type AssignmentChange = z.infer<typeof assignmentChangeSchema>;
export type PolicySection = z.infer<typeof policySectionSchema>;
export type ChartSummary = z.infer<typeof chartSummarySchema>;
export type ActivitySection = z.infer<typeof activitySectionSchema>;
export type FindingSeries = z.infer<typeof findingSeriesSchema>;
export type FindingsSection = z.infer<typeof findingsSectionSchema>;
export type ChainStatus = z.infer<typeof chainStatusSchema>;
export type IntegritySection = z.infer<typeof integritySectionSchema>;
export type AuditReport = z.infer<typeof auditReportSchema>;

/** The part of the report the digest covers: the data, not when or how fast it was built. */
export function digestInput(report: Pick<AuditReport, 'organization' | 'params' | 'policy' | 'activity' | 'findings'> & { chain: ChainStatus }): unknown {
  const { asOf: _asOf, ...policy } = report.policy;
  return { organization: report.organization, params: report.params, policy, activity: report.activity, findings: report.findings, chain: report.chain };
}

/** The JSON Schema of the report, published at /api/v1/reports/audit/schema.json. */
export function auditReportJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://pilotlight.local/api/v1/reports/audit/schema.json',
    title: 'Pilotlight audit report',
    ...z.toJSONSchema(auditReportSchema, { target: 'draft-2020-12' }),
  };
}
