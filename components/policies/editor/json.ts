import { findJsonError } from '@/lib/http/json-error';
import { lineAndColumn } from '@/lib/http/json';
import { policySettingsSchema, type PolicySettings } from '@/lib/policy/settings';
import { validationIssues } from './layer';
import type { EditorIssue } from './paths';

export type ParsedSettings =
  | { kind: 'ok'; settings: PolicySettings }
  | { kind: 'syntax'; message: string; line: number; column: number; offset: number }
  | { kind: 'schema'; issues: EditorIssue[] };

/** The JSON view's text: what the document looks like when exported or stored. */
export function formatSettings(settings: PolicySettings): string {
  return JSON.stringify(settings, null, 2);
}

/**
 * Settings JSON typed by a person → the document, or where the text first goes wrong (line and
 * column, 1-based), or every schema problem with its path. Valid documents come back as the
 * schema outputs them (commands trimmed, domains lowercased).
 */
export function parseSettingsText(text: string): ParsedSettings {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const found = findJsonError(text) ?? { offset: text.length, reason: error instanceof Error ? error.message : 'invalid JSON' };
    const { line, column } = lineAndColumn(text, found.offset);
    return { kind: 'syntax', message: `Line ${line}, column ${column}: ${found.reason}.`, line, column, offset: found.offset };
  }
  const result = policySettingsSchema.safeParse(data);
  return result.success ? { kind: 'ok', settings: result.data } : { kind: 'schema', issues: validationIssues(data) };
}
