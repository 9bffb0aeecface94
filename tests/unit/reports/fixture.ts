import { REPORT_KIND, REPORT_SCHEMA_VERSION, type AuditReport, type ChartSummary } from '@/lib/reports/model';

/** A fixed report model for the renderer tests: every section filled, with hostile names. */
export const HOSTILE_TEMPLATE = '=HYPERLINK("http://x","y")';

const days = ['2026-11-02', '2026-11-03', '2026-11-04'];
const timeChart = (id: string, title: string, values: number[][], names: string[]): ChartSummary => ({
  id,
  title,
  unit: 'events',
  kind: 'time',
  bucket: 'day',
  series: names.map((name, i) => ({ name, total: values[i]!.reduce((a, b) => a + b, 0), max: Math.max(...values[i]!), data: days.map((x, j) => ({ x, y: values[i]![j]! })) })),
});

export function fixtureReport(overrides: Partial<AuditReport> = {}): AuditReport {
  const params = { from: '2026-11-02', to: '2026-11-04', tz: 'UTC', team: { id: '00000000-0000-4000-8000-000000000001', name: 'Payments <script>', slug: 'payments' } };
  return {
    kind: REPORT_KIND,
    schemaVersion: REPORT_SCHEMA_VERSION,
    organization: { id: '00000000-0000-4000-8000-0000000000aa', name: 'Acme' },
    params,
    policy: {
      asOf: '2026-11-05T10:00:00.000Z',
      teams: [
        {
          team: { id: params.team.id, name: params.team.name, slug: 'payments', environment: 'production' },
          layers: [{ source: 'team', label: HOSTILE_TEMPLATE, templateId: 't1', version: 2, pinned: false }],
          fields: [
            { path: 'mode', label: 'Mode', value: 'ask', origin: 'team' },
            { path: 'trustedCommands', label: 'Trusted commands', value: 'git status, npm test', origin: 'team' },
            { path: 'mcpServers.github', label: 'MCP server “github”', value: '{"command":"gh","env":{"GITHUB_TOKEN":"••••"}}', origin: 'team' },
          ],
          findings: [{ rule: 'trust-all', severity: 'critical', path: 'trustedCommands[0]', message: 'Trusts every command.' }],
        },
      ],
      versions: [
        {
          templateId: 't1',
          templateName: HOSTILE_TEMPLATE,
          version: 2,
          author: 'editor@example.com',
          createdAt: '2026-11-03T09:00:00.000Z',
          note: 'tighten',
          changes: [
            { path: 'mode', kind: 'changed', before: 'auto', after: 'ask' },
            { path: 'trustedCommands', kind: 'list', before: 'removed: rm -rf', after: 'added: npm test' },
          ],
        },
      ],
      assignments: [{ seq: 7, at: '2026-11-03T09:05:00.000Z', actor: 'admin@example.com', action: 'policy.team_assigned', description: "Set a team's policy", target: 'Payments', before: '(none)', after: `${HOSTILE_TEMPLATE} (latest)` }],
    },
    activity: {
      kpis: [
        { id: 'events', label: 'Events', unit: 'events', value: 42, previous: 40 },
        { id: 'active-users', label: 'Active users', unit: 'users', value: 3, previous: 2 },
      ],
      peopleActive: 3,
      uploads: { total: 2, accepted: 30, rejected: 1, byFormat: [{ format: 'telemetry-ndjson', uploads: 2, accepted: 30, rejected: 1 }] },
      downloads: {
        total: 3,
        byFormatAndVersion: [{ format: 'kiro-project', version: 2, count: 3 }],
        byMachine: [{ actor: 'ci@example.com', actorType: 'token', target: 'team Payments', format: 'kiro-project', version: 2, count: 3, last: '2026-11-04T08:00:00.000Z' }],
      },
      charts: [
        timeChart('telemetry-events', 'Events by kind', [[1, 2, 3], [4, 5, 6]], ['feature_used', 'error']),
        timeChart('compliance', 'Compliance findings', [[0, 1, 0], [2, 0, 0]], ['dangerous-commands', 'secrets-in-prompts']),
        { id: 'os', title: 'Operating systems', unit: 'events', kind: 'category', bucket: 'day', series: [{ name: 'events', total: 9, max: 6, data: [{ x: 'linux', y: 6 }, { x: 'darwin', y: 3 }] }] },
      ],
    },
    findings: {
      series: [
        { series: 'dangerous-commands', label: 'Dangerous commands executed', count: 1, drillDown: '/dashboard/compliance?from=2026-11-02&to=2026-11-04', examples: [{ time: '2026-11-03T10:00:00.000Z', user: 'dev@example.com', team: 'Payments', detail: 'rm -rf / · auto · deletes files' }] },
        { series: 'secrets-in-prompts', label: 'Secrets masked in prompts', count: 2, drillDown: '/dashboard/compliance', examples: [{ time: '2026-11-02T10:00:00.000Z', user: 'dev@example.com', team: 'Payments', detail: '1 secret(s) masked · model m' }] },
        { series: 'privacy-findings', label: 'Privacy findings', count: 0, drillDown: '/dashboard/compliance', examples: [] },
      ],
    },
    integrity: {
      chain: { status: 'intact', rowsChecked: 12, periodEntries: 5, firstSeq: 8, lastSeq: 12, firstBreak: null },
      generatedAt: '2026-11-05T10:00:00.000Z',
      generatedBy: 'auditor@example.com',
      durationMs: 123,
      parameters: params,
      generator: { name: 'pilotlight', version: '0.1.0' },
      dataSha256: 'a'.repeat(64),
    },
    ...overrides,
  };
}
