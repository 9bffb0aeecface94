/**
 * Translating the policy's command lists into Gemini CLI and Claude Code rules and back.
 *
 * The policy speaks Kiro IDE 0.x (shared/research/mission.md §5): a trusted entry without `*` is
 * an exact command, `prefix *` trusts the prefix (also bare `prefix`), `*` trusts everything;
 * a denied entry is refused when it occurs anywhere in the command (substring).
 *
 * Every `to…` function below is written so that `to(from(to(x))) === to(x)`: importing a file we
 * exported and exporting again gives the same bytes. Where the tools mean something different,
 * the import keeps the tool's meaning (a Gemini entry is a prefix, so it comes back as `prefix *`).
 */

/** `npm test *`, `npm test:*`, `npm test\t*` → `npm test`; anything else → null. */
function wordPrefix(command: string): string | null {
  if (command.endsWith(':*')) return command.slice(0, -2).trimEnd();
  if (/\s\*$/.test(command)) return command.slice(0, -1).trimEnd();
  return null;
}

/** A denied entry without its leading and trailing wildcards (`rm *`, `rm:*`, `*rm**`, `rm:` → `rm`): denial is by substring anyway. */
export function deniedCore(command: string): string {
  return command.replace(/^[\s*]+/, '').replace(/[\s:*]+$/, '');
}

// ---------------------------------------------------------------------------------------------
// Gemini CLI's deprecated `run_shell_command(prefix)` (or the legacy `ShellTool(prefix)`) in
// tools.allowed / tools.exclude / tools.core, read on import (the export writes Policy Engine rules,
// gemini-policy.ts); the bare tool name means every command. Gemini matched prefixes.

const GEMINI_SHELL_TOOLS = ['run_shell_command', 'ShellTool'];
export const isGeminiShellTool = (name: string): boolean => GEMINI_SHELL_TOOLS.includes(name);

/** The argument of `run_shell_command(…)`, or null when the entry is not a shell rule. */
export function geminiShellArgument(entry: string): string | null {
  const match = /^(run_shell_command|ShellTool)\(([\s\S]*)\)$/.exec(entry.trim());
  return match ? (match[2] ?? '') : null;
}

/** tools.allowed shell rule argument → trusted command (a prefix rule, as Gemini reads it). */
export function fromGeminiAllowed(argument: string): string {
  const prefix = argument.trim();
  return prefix ? `${prefix} *` : '*';
}

export function fromGeminiExcluded(argument: string): string {
  return deniedCore(argument.trim()) || '*';
}

// ---------------------------------------------------------------------------------------------
// Claude Code: `Bash(x)` exact, `Bash(x *)` prefix on a word boundary (`Bash(x:*)` is the
// deprecated spelling, still read on import; never written, and never combined with another `*`,
// which `claude doctor` reports as "will likely never match"), `Bash(x*)` raw prefix, `*` anywhere
// is a wildcard, bare `Bash` is every command. Compound commands are split and every part must
// match. A rule cannot contain `)`: Claude's settings schema forbids it.

export interface ClaudeRule {
  tool: string;
  /** The text in parentheses; undefined for a bare tool name. */
  argument: string | undefined;
}

export function parseClaudeRule(rule: string): ClaudeRule | null {
  const match = /^([A-Za-z_][\w-]*)(?:\(([\s\S]*)\))?$/.exec(rule.trim());
  if (!match?.[1]) return null;
  return { tool: match[1], argument: match[2] };
}

/**
 * Trusted command → permissions.allow entry; null when the command holds `)`, which no rule can
 * (and widening it to a wildcard would trust more than the policy says), so it is left out.
 */
export function toClaudeAllowed(command: string): string | null {
  if (command === '*') return 'Bash';
  if (command.includes(')')) return null;
  const prefix = wordPrefix(command);
  if (prefix === null) return `Bash(${command})`;
  return prefix ? `Bash(${prefix} *)` : 'Bash';
}

/** A Bash allow rule's argument → trusted command; `undefined` (bare `Bash`) trusts everything. */
export function fromClaudeAllowed(argument: string | undefined): string {
  const text = argument?.trim() ?? '*';
  if (text === '' || text === '*') return '*';
  const prefix = wordPrefix(text);
  if (prefix === null) return text;
  return prefix ? `${prefix} *` : '*';
}

/**
 * Denied command → permissions.deny entries. `Bash(x *)` refuses x and x followed by anything
 * (per chained part); `Bash(*x*)` refuses x anywhere, as the policy does. Empty → every command
 * (bare `Bash`). A `)` (which no rule can hold) becomes the wildcard `*`: the rule then refuses a
 * little more, never less.
 */
export function toClaudeDenied(command: string): string[] {
  const core = deniedCore(command).replace(/\)/g, '*');
  return core ? [`Bash(${core} *)`, `Bash(*${core}*)`] : ['Bash'];
}

/** A Bash deny rule's argument → denied command ('*' for every command); `exact` when Claude denies only that exact command. */
export function fromClaudeDenied(argument: string | undefined): { command: string; exact: boolean } {
  const text = argument?.trim() ?? '';
  let core: string;
  let exact = false;
  if (text.endsWith(':*')) core = text.slice(0, -2);
  else if (text.length >= 2 && text.startsWith('*') && text.endsWith('*')) core = text.slice(1, -1);
  else if (text.endsWith('*')) core = text.slice(0, -1);
  else {
    core = text;
    exact = true;
  }
  const command = deniedCore(core);
  return { command: command || '*', exact: exact && command !== '' };
}

/** The policy's tool names (Gemini's, as in the seed) that Claude Code has a tool for. */
export const CLAUDE_TOOL_NAMES: ReadonlyArray<readonly [policyTool: string, claudeTool: string]> = [
  ['run_shell_command', 'Bash'],
  ['read_file', 'Read'],
  ['write_file', 'Write'],
  ['replace', 'Edit'],
  ['glob', 'Glob'],
  ['web_fetch', 'WebFetch'],
  ['google_web_search', 'WebSearch'],
];
