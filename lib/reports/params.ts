import { parseFilters, type MetricsFilters } from '@/lib/analytics/filters';
import { daysInclusive } from '@/lib/analytics/time';
import { BadRequestError, ValidationError } from '@/lib/errors';

/**
 * The report's parameters from a query string: the dashboards' own filter parsing (so a report
 * and a dashboard given the same from/to/team read the same filters), a format, and a shorter
 * maximum period than the dashboards (a report reads every section for the whole period).
 */
export const REPORT_FORMATS = ['html', 'pdf', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const MAX_REPORT_DAYS = 366;

export interface ReportRequest {
  filters: MetricsFilters;
  format: ReportFormat;
}

export function parseReportQuery(input: URLSearchParams | Record<string, string | string[] | undefined>, now = Date.now()): ReportRequest {
  const get = (key: string) => (input instanceof URLSearchParams ? (input.get(key) ?? undefined) : [input[key]].flat()[0]);
  const format = get('format') ?? 'json';
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new ValidationError('The report parameters are not valid.', [{ path: 'format', message: `Use format= one of: ${REPORT_FORMATS.join(', ')}.` }]);
  // A preset (7d, 30d, 90d) wins over from/to, so the Reports form can always send its date fields;
  // `preset=custom` (or none) means from/to. Only the report's parameters reach the dashboards'
  // parser: a report has no user/client/bucket filter.
  const preset = get('preset');
  const usePreset = preset !== undefined && preset !== '' && preset !== 'custom';
  const filters = parseFilters(usePreset ? { preset, team: get('team'), tz: get('tz') } : { from: get('from'), to: get('to'), team: get('team'), tz: get('tz') }, now);
  const days = daysInclusive(filters.range.from, filters.range.to);
  if (days > MAX_REPORT_DAYS) throw new BadRequestError(`The period is ${days} days; a report covers at most ${MAX_REPORT_DAYS} days.`, { days, max: MAX_REPORT_DAYS }, 'range_too_long');
  return { filters, format: format as ReportFormat };
}
