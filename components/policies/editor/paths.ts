/**
 * Pure helpers that place lint findings and validation issues next to the part of the settings
 * document they are about. Paths use the notation of lib/http/json `formatPath`: dots between
 * keys, `[n]` for list indexes (`trustedCommands[3]`, `mcpServers.github.env.GITHUB_TOKEN`).
 */

export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** Most severe first: the order findings are listed and grouped in. */
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** Same shape as lib/policy/lint's LintFinding; declared here so the editor does not depend on the linter. */
export interface EditorFinding {
  rule: string;
  severity: Severity;
  path: string;
  message: string;
}

/** A schema problem, from the server's validation or the editor's own. */
export interface EditorIssue {
  path: string;
  message: string;
}

/** What the editor shows inline: a risk finding or a validation issue, with its path normalized. */
export type Note = ({ kind: 'finding' } & EditorFinding) | ({ kind: 'issue' } & EditorIssue);

/** The severity a note is displayed with; a validation issue outranks every finding (it blocks saving). */
export type NoteTone = 'invalid' | Severity;

/** The heading of each top-level field, shared by the editor's sections and the findings list. */
export const FIELD_HEADINGS: Readonly<Record<string, string>> = {
  mode: 'Mode',
  trustedCommands: 'Trusted commands',
  deniedCommands: 'Denied commands',
  telemetry: 'Telemetry',
  sandbox: 'Sandbox',
  autoAccept: 'Auto-accept edits',
  coreTools: 'Core tools',
  excludeTools: 'Excluded tools',
  mcpServers: 'MCP servers',
  gitignore: '.gitignore entries',
  network: 'Network allowlist',
};

/**
 * Server actions validate `{ settings, … }`, so their issue paths start with `settings.`; the
 * editor only knows the settings document itself.
 */
export function normalizePath(path: string): string {
  const trimmed = path.trim();
  if (trimmed === 'settings') return '';
  return trimmed.startsWith('settings.') ? trimmed.slice('settings.'.length) : trimmed;
}

/** `trustedCommands[3]` → `trustedCommands`; `mcpServers.github.env.X` → `mcpServers`. */
export function topLevelField(path: string): string {
  return /^[^.[]*/.exec(normalizePath(path))?.[0] ?? '';
}

/** The id (and test id) of the editor section that shows `path`. */
export function fieldId(path: string): string {
  return `field-${topLevelField(path).replaceAll('.', '-')}`;
}

/** Whether `path` is `prefix` itself or something inside it (`prefix.key`, `prefix[n]`). The empty prefix holds everything. */
export function isWithin(path: string, prefix: string): boolean {
  if (prefix === '') return true;
  if (!path.startsWith(prefix)) return false;
  const next = path.charAt(prefix.length);
  return next === '' || next === '.' || next === '[';
}

/** The findings (or notes, or issues) about `path` or anything inside it, in their original order. */
export function findingsFor<T extends { path: string }>(path: string, findings: readonly T[]): T[] {
  const target = normalizePath(path);
  return findings.filter((finding) => isWithin(normalizePath(finding.path), target));
}

/**
 * Hands each item to the longest prefix that contains its path; the rest are items no prefix
 * claims. Longest wins because MCP server names and env keys may contain dots: with servers `a`
 * and `a.b`, `mcpServers.a.b.url` belongs to `a.b`.
 */
export function partitionByPrefix<T extends { path: string }>(items: readonly T[], prefixes: readonly string[]): { within: Map<string, T[]>; rest: T[] } {
  const within = new Map<string, T[]>();
  const rest: T[] = [];
  const byLength = [...prefixes].sort((a, b) => b.length - a.length);
  for (const item of items) {
    const owner = byLength.find((prefix) => isWithin(item.path, prefix));
    if (owner === undefined) {
      rest.push(item);
      continue;
    }
    const list = within.get(owner);
    if (list) list.push(item);
    else within.set(owner, [item]);
  }
  return { within, rest };
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** Most severe first; equal severities keep their order. */
export function bySeverity<T extends { severity: Severity }>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}

export function countBySeverity(findings: readonly { severity: Severity }[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** Non-empty groups, most severe first. */
export function groupBySeverity<T extends { severity: Severity }>(findings: readonly T[]): [Severity, T[]][] {
  return SEVERITIES.map((severity): [Severity, T[]] => [severity, findings.filter((finding) => finding.severity === severity)]).filter(
    ([, group]) => group.length > 0,
  );
}

export function noteTone(note: Note): NoteTone {
  return note.kind === 'issue' ? 'invalid' : note.severity;
}

/** The tone of the most serious note, for highlighting a row; undefined when there are none. */
export function worstTone(notes: readonly Note[]): NoteTone | undefined {
  const order: readonly NoteTone[] = ['invalid', ...SEVERITIES];
  let worst: NoteTone | undefined;
  for (const note of notes) {
    const tone = noteTone(note);
    if (worst === undefined || order.indexOf(tone) < order.indexOf(worst)) worst = tone;
  }
  return worst;
}

export function noteKey(note: Note): string {
  return note.kind === 'finding' ? `finding:${note.rule}:${note.path}:${note.message}` : `issue:${note.path}:${note.message}`;
}

/**
 * Findings and issues as one list of notes: paths normalized, duplicates dropped (the server
 * and the editor may report the same problem; for issues one message per path is enough),
 * issues first (they block saving), then findings by severity.
 */
export function toNotes(findings: readonly EditorFinding[], issues: readonly EditorIssue[] = []): Note[] {
  const notes: Note[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const note: Note = { kind: 'issue', path: normalizePath(issue.path), message: issue.message };
    if (seen.has(`issue:${note.path}`)) continue;
    seen.add(`issue:${note.path}`);
    notes.push(note);
  }
  for (const finding of bySeverity(findings)) {
    const note: Note = { kind: 'finding', rule: finding.rule, severity: finding.severity, path: normalizePath(finding.path), message: finding.message };
    if (seen.has(noteKey(note))) continue;
    seen.add(noteKey(note));
    notes.push(note);
  }
  return notes;
}

/**
 * The editor's own validation issues plus those it was given (e.g. by the server), normalized.
 * A given issue is left out when the editor found a problem *inside* its path: that is the
 * specific cause (the URL being typed) of the general complaint (a server without a url).
 */
export function mergeIssues(local: readonly EditorIssue[], given: readonly EditorIssue[]): EditorIssue[] {
  const kept = given
    .map((issue) => ({ path: normalizePath(issue.path), message: issue.message }))
    .filter((issue) => !local.some((own) => own.path !== issue.path && isWithin(own.path, issue.path)));
  return [...local, ...kept];
}

/** `path` relative to `base` for display under a control (`mcpServers.x.args[2]` under `mcpServers.x.args` → `[2]`). */
export function relativePath(path: string, base: string): string {
  if (!isWithin(path, base) || base === '') return path;
  return path.slice(base.length).replace(/^\./, '');
}
