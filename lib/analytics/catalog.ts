/**
 * The chart ids and how each is shown. Pure data: the API, the pages and the client chart
 * components read the same list.
 */
export const CHART_IDS = [
  'telemetry-events',
  'feature-usage',
  'errors',
  'top-errors',
  'performance',
  'os',
  'clients',
  'active-users',
  'commands',
  'prompts',
  'prompts-by-team',
  'top-users',
  'trigger-types',
  'models',
  'activity',
  'compliance',
] as const;
export type ChartId = (typeof CHART_IDS)[number];

export type DashboardPage = 'telemetry' | 'prompts' | 'activity' | 'compliance';

export interface ChartInfo {
  id: ChartId;
  title: string;
  description: string;
  page: DashboardPage;
  kind: 'time' | 'category';
  /** time: lines (values that are not additive) or stacked bars (counts); category: bars. */
  display: 'line' | 'stacked-bar' | 'bar';
  unit: string;
  /** Day-granular source: hour buckets are answered per day. */
  daily?: boolean;
}

export const CHARTS: Record<ChartId, ChartInfo> = {
  'telemetry-events': { id: 'telemetry-events', title: 'Events by kind', description: 'Telemetry events over time.', page: 'telemetry', kind: 'time', display: 'stacked-bar', unit: 'events' },
  'feature-usage': { id: 'feature-usage', title: 'Feature usage', description: 'feature_used events by feature (Specs, Hooks, …).', page: 'telemetry', kind: 'category', display: 'bar', unit: 'events' },
  errors: { id: 'errors', title: 'Errors', description: 'Error events over time.', page: 'telemetry', kind: 'time', display: 'stacked-bar', unit: 'errors' },
  'top-errors': { id: 'top-errors', title: 'Top error messages', description: 'The most frequent error messages.', page: 'telemetry', kind: 'category', display: 'bar', unit: 'errors' },
  performance: { id: 'performance', title: 'Latency p50 / p95', description: 'Performance events by name, in milliseconds (from a log-scale histogram, within 19%).', page: 'telemetry', kind: 'time', display: 'line', unit: 'ms' },
  os: { id: 'os', title: 'Operating systems', description: 'Events by operating system.', page: 'telemetry', kind: 'category', display: 'bar', unit: 'events' },
  clients: { id: 'clients', title: 'Clients and versions', description: 'Events by client and version.', page: 'telemetry', kind: 'category', display: 'bar', unit: 'events' },
  'active-users': { id: 'active-users', title: 'Active users', description: 'People with telemetry, prompts or activity (per UTC day).', page: 'telemetry', kind: 'time', display: 'line', unit: 'users', daily: true },
  commands: { id: 'commands', title: 'Commands by decision', description: 'Executed commands: auto-run, approved by hand, denied.', page: 'telemetry', kind: 'time', display: 'stacked-bar', unit: 'commands' },
  prompts: { id: 'prompts', title: 'Prompts', description: 'Prompt-log records over time: chat and inline suggestions.', page: 'prompts', kind: 'time', display: 'stacked-bar', unit: 'prompts' },
  'prompts-by-team': { id: 'prompts-by-team', title: 'Prompts by team', description: 'Chat and inline prompts per team.', page: 'prompts', kind: 'category', display: 'bar', unit: 'prompts' },
  'top-users': { id: 'top-users', title: 'Top users', description: 'The people with the most prompts.', page: 'prompts', kind: 'category', display: 'bar', unit: 'prompts' },
  'trigger-types': { id: 'trigger-types', title: 'Trigger types', description: 'How prompts were triggered.', page: 'prompts', kind: 'category', display: 'bar', unit: 'prompts' },
  models: { id: 'models', title: 'Models', description: 'Prompts by model.', page: 'prompts', kind: 'category', display: 'bar', unit: 'prompts' },
  activity: { id: 'activity', title: 'Activity', description: 'Chat messages, AI code lines and the inline acceptance rate (%) from activity reports (per day).', page: 'activity', kind: 'time', display: 'line', unit: '', daily: true },
  compliance: { id: 'compliance', title: 'Compliance findings', description: 'Telemetry while disabled, untrusted and dangerous commands executed, secrets in prompts, privacy findings.', page: 'compliance', kind: 'time', display: 'line', unit: 'findings' },
};

export const COMPLIANCE_SERIES = ['telemetry-while-disabled', 'untrusted-commands', 'dangerous-commands', 'secrets-in-prompts', 'privacy-findings'] as const;
export const ACTIVITY_SERIES = ['chat messages', 'AI code lines', 'inline acceptance rate (%)'] as const;

export function isChartId(value: string): value is ChartId {
  return (CHART_IDS as readonly string[]).includes(value);
}

export const PAGE_CHARTS: Record<DashboardPage, ChartId[]> = {
  telemetry: ['telemetry-events', 'active-users', 'errors', 'performance', 'commands', 'feature-usage', 'top-errors', 'os', 'clients'],
  prompts: ['prompts', 'prompts-by-team', 'top-users', 'trigger-types', 'models'],
  activity: ['activity', 'active-users'],
  compliance: ['compliance', 'commands'],
};

/** The label of a missing category (an event without feature, OS, …). */
export const NONE_LABEL = '(none)';
export const NO_TEAM_LABEL = '(no team)';
