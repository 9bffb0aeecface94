import type { AuditReport } from '../model';

/** `format=json`: the report model itself (its schema is served at /api/v1/reports/audit/schema.json). */
export function renderJson(report: AuditReport): string {
  return `${JSON.stringify({ $schema: '/api/v1/reports/audit/schema.json', ...report }, null, 2)}\n`;
}
