import type { z } from 'zod';
import { BadRequestError, ValidationError, type ValidationIssue } from '@/lib/errors';
import { findJsonError } from './json-error';

/** Line and column (1-based) of a character offset, for error messages people can act on. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** JSON.parse with a 400 that names the line and column of the first problem. */
export function parseJsonText(text: string): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(source);
  } catch (error) {
    const found = findJsonError(source) ?? { offset: source.length, reason: error instanceof Error ? error.message : 'invalid JSON' };
    const { line, column } = lineAndColumn(source, found.offset);
    throw new BadRequestError(`Invalid JSON at line ${line}, column ${column}: ${found.reason}.`, { line, column }, 'invalid_json');
  }
}

/** `a.b[2].c` — the path notation used in every validation message. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** Every problem zod found, one entry per field (unknown keys get one entry each). */
export function zodIssues(error: z.ZodError): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) issues.push({ path: formatPath([...issue.path, key]), message: 'Unknown field.' });
    } else {
      issues.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  return issues;
}

/** Validates with a zod schema; failure is a 400 listing every problem with its path. */
export function parseWith<S extends z.ZodType>(schema: S, data: unknown, what = 'The request'): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = zodIssues(result.error);
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  throw new ValidationError(`${what} is not valid (${count}).`, issues);
}
