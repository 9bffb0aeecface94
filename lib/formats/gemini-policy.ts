import { parse as parseToml } from 'smol-toml';
import { BadRequestError } from '@/lib/errors';
import { parseTrustEntry } from '@/lib/policy/coverage';
import type { CompleteSettings, PolicySettings } from '@/lib/policy/settings';
import type { ExportContext } from './catalog';
import { childPath, cleanList, dropUndefined, isRecord, show, Warnings, type ImportOutput, type Sourced } from './reader';
import { deniedCore, geminiShellArgument, isGeminiShellTool } from './shell-rules';

/**
 * Gemini CLI Policy Engine rules (`pilotlight.toml` in the admin policies folder,
 * google-gemini/gemini-cli docs/reference/policy-engine.md). Admin-tier rules beat every user,
 * workspace and default rule; within the file a higher `priority` wins. Written in this order:
 *
 *   900 deny      excluded tools (bare names; a denied `*` excludes the shell tool)
 *   900 deny      each denied command, anywhere in the command line: commandRegex `.*<text>`
 *                 (Gemini tests it against the JSON of the arguments, so chains, `bash -c '…'` and
 *                 `$(…)` are all covered, as Kiro's substring denylist is)
 *   800 deny      built-in tools missing from coreTools (only when coreTools is not ["all"])
 *   500 allow     each trusted command, in auto-edit mode only (autopilot): `prefix *` →
 *                 commandPrefix (word boundary, as Gemini matches it), `prefix*` → a raw prefix,
 *                 an exact command → commandRegex ending at the closing quote, `*` → the shell tool
 *    10 ask_user  every other shell command (default and auto-edit modes): asks, so a user's own
 *                 policy cannot allow commands the template does not trust
 *
 * Import reads these rules back (and commandPrefix deny rules, which hand-written files use);
 * any other rule is reported.
 */

export const GEMINI_POLICY_PRIORITY = { deny: 900, coreTools: 800, allow: 500, fallback: 10 } as const;
const SHELL = 'run_shell_command';
const TRUSTED_MODES = ['autoEdit'];
const FALLBACK_MODES = ['default', 'autoEdit'];

/**
 * Gemini CLI's built-in tools that do something (as named by @google/gemini-cli-core 0.61; the
 * conformance test checks each against the real list). coreTools leaves out the others.
 */
export const GEMINI_CAPABILITY_TOOLS = [
  'glob',
  'google_web_search',
  'grep_search',
  'list_directory',
  'read_file',
  'read_many_files',
  'replace',
  'run_shell_command',
  'web_fetch',
  'write_file',
] as const;
/** Old class names (Gemini CLI ≤ 0.1x, still in many coreTools lists) → tool names. */
const LEGACY_TOOL_NAMES: Record<string, string> = {
  ShellTool: 'run_shell_command',
  ReadFileTool: 'read_file',
  WriteFileTool: 'write_file',
  EditTool: 'replace',
  GlobTool: 'glob',
  GrepTool: 'grep_search',
  search_file_content: 'grep_search',
  LSTool: 'list_directory',
  ReadManyFilesTool: 'read_many_files',
  WebFetchTool: 'web_fetch',
  WebSearchTool: 'google_web_search',
};
const canonicalTool = (name: string) => {
  const bare = /^([A-Za-z0-9_-]+)\(/.exec(name.trim())?.[1] ?? name.trim();
  return LEGACY_TOOL_NAMES[bare] ?? bare;
};

// ---------------------------------------------------------------------------------------------
// TOML and regular expressions

/** A TOML basic string (JSON's escapes are TOML's; DEL must be escaped too). */
const tomlString = (value: string) => JSON.stringify(value).replace(/\x7f/g, '\\u007F');
const tomlArray = (values: readonly string[]) => `[${values.map(tomlString).join(', ')}]`;

// Not `-` or `/`: an identity escape of those is a syntax error under the `u` flag.
const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|]/g;
const escapeRegex = (text: string) => text.replace(REGEX_SPECIAL, '\\$&');
/** The command as it appears inside Gemini's JSON of the arguments (`"` → `\"`, newline → `\n`). */
const jsonInner = (text: string) => JSON.stringify(text).slice(1, -1);

/** The inverse of escapeRegex(jsonInner(x)) for a regex made only of literals; null otherwise. */
function literalOf(regex: string): string | null {
  let json = '';
  for (let i = 0; i < regex.length; i++) {
    const c = regex[i] ?? '';
    if (c === '\\') {
      const next = regex[i + 1];
      if (next === undefined || /[A-Za-z0-9]/.test(next)) return null; // \d, \s, \b… are classes, not literals
      json += next;
      i++;
    } else if ('^$.*+?()[]{}|'.includes(c)) {
      return null;
    } else {
      json += c;
    }
  }
  try {
    const value: unknown = JSON.parse(`"${json}"`);
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

/**
 * Any text inside the command's property: Gemini separates the top-level properties of the JSON it
 * matches with NUL characters, which a JSON string never holds raw. (Not `(?:[^"\\]|\\.)*`,
 * which would stop exactly at the closing quote: Gemini refuses to load a group with a quantifier
 * as a possible ReDoS, and a rule that does not load denies nothing.)
 */
const IN_COMMAND = '[^\\x00]*';

/** Denied entry → the regex after Gemini's `"command":"` prefix; a `*` inside is a wildcard. */
function deniedRegex(core: string): string {
  return `${IN_COMMAND}${core.split('*').map((part) => escapeRegex(jsonInner(part))).join(IN_COMMAND)}`;
}

/** The inverse of deniedRegex; hand-written `.*text` patterns are read the same way. */
function deniedFromRegex(regex: string): string | null {
  const wildcard = regex.startsWith(IN_COMMAND) ? IN_COMMAND : regex.startsWith('.*') ? '.*' : null;
  if (!wildcard) return null;
  const parts = regex.slice(wildcard.length).split(wildcard).map(literalOf);
  if (parts.some((part) => part === null)) return null;
  return parts.join('*');
}

// ---------------------------------------------------------------------------------------------
// Export

interface Rule {
  comment: string;
  fields: Array<[string, string]>;
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** The policy's excluded tools and denied commands in Gemini's terms (shell rules in excludeTools are denied commands). */
export function geminiDenials(settings: CompleteSettings): { tools: string[]; commands: string[] } {
  const ruleArguments = settings.excludeTools.map(geminiShellArgument);
  const tools = settings.excludeTools.filter((_, index) => ruleArguments[index] === null).map((tool) => (isGeminiShellTool(tool.trim()) ? SHELL : tool.trim()));
  const denied = [...ruleArguments.filter((arg): arg is string => arg !== null), ...settings.deniedCommands].map(deniedCore);
  if (denied.includes('') || denied.includes('*')) tools.push(SHELL);
  return { tools: unique(tools), commands: unique(denied.filter((core) => core !== '' && core !== '*')) };
}

function trustedRule(command: string): Rule | null {
  const entry = parseTrustEntry(command);
  const base = (fields: Array<[string, string]>): Rule => ({
    comment: `Trusted: ${show(entry.kind === 'prefix' ? `${entry.prefix} *` : entry.entry)}`,
    fields: [['toolName', tomlString(SHELL)], ...fields, ['decision', '"allow"'], ['priority', String(GEMINI_POLICY_PRIORITY.allow)], ['modes', tomlArray(TRUSTED_MODES)]],
  });
  switch (entry.kind) {
    case 'empty':
      return null;
    case 'all':
      return base([]);
    case 'prefix':
      return base([['commandPrefix', tomlString(entry.prefix)]]);
    case 'raw-prefix':
      return entry.prefix ? base([['commandRegex', tomlString(escapeRegex(jsonInner(entry.prefix)))]]) : base([]);
    case 'exact':
      return base([['commandRegex', tomlString(`${escapeRegex(jsonInner(entry.prefix))}"`)]]);
  }
}

export function exportGeminiPolicy(settings: CompleteSettings, _context: ExportContext): string {
  const { tools, commands } = geminiDenials(settings);
  const rules: Rule[] = [];
  const deny = String(GEMINI_POLICY_PRIORITY.deny);
  if (tools.length) {
    rules.push({
      comment: 'Excluded tools',
      fields: [['toolName', tomlArray(tools)], ['decision', '"deny"'], ['priority', deny], ['denyMessage', tomlString('This tool is excluded by the organization’s policy.')]],
    });
  }
  for (const core of commands) {
    rules.push({
      comment: `Denied anywhere in the command: ${show(core)}`,
      fields: [
        ['toolName', tomlString(SHELL)],
        ['commandRegex', tomlString(deniedRegex(core))],
        ['decision', '"deny"'],
        ['priority', deny],
        ['denyMessage', tomlString('This command is denied by the organization’s policy.')],
      ],
    });
  }
  if (!settings.coreTools.includes('all')) {
    const kept = new Set(settings.coreTools.map(canonicalTool));
    const missing = GEMINI_CAPABILITY_TOOLS.filter((tool) => !kept.has(tool));
    if (missing.length) {
      rules.push({
        comment: 'Not among the core tools',
        fields: [
          ['toolName', tomlArray(missing)],
          ['decision', '"deny"'],
          ['priority', String(GEMINI_POLICY_PRIORITY.coreTools)],
          ['denyMessage', tomlString('This tool is not among the core tools of the organization’s policy.')],
        ],
      });
    }
  }
  const written = new Set<string>();
  for (const command of settings.trustedCommands) {
    const rule = trustedRule(command);
    const key = JSON.stringify(rule?.fields);
    if (rule && !written.has(key)) rules.push(rule);
    written.add(key);
  }
  rules.push({
    comment: 'Every other shell command asks first',
    fields: [['toolName', tomlString(SHELL)], ['decision', '"ask_user"'], ['priority', String(GEMINI_POLICY_PRIORITY.fallback)], ['modes', tomlArray(FALLBACK_MODES)]],
  });
  const header = [
    '# Gemini CLI Policy Engine rules, written by Pilotlight.',
    '# Admin tier: put this file in the system policies folder (owned by root, not writable by group or others).',
  ];
  const body = rules.map((rule) => [`# ${rule.comment.replace(/[\r\n]/g, ' ')}`, '[[rule]]', ...rule.fields.map(([key, value]) => `${key} = ${value}`)].join('\n'));
  return `${[header.join('\n'), ...body].join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Import

const RULE_KEYS = ['toolName', 'commandPrefix', 'commandRegex', 'decision', 'priority', 'modes', 'denyMessage', 'deny_message'];

const stringList = (value: unknown): string[] | null => {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item): item is string => typeof item === 'string')) return value;
  return null;
};

export function importGeminiPolicy(text: string): ImportOutput {
  const w = new Warnings();
  const settings: PolicySettings = {};
  let parsed: Record<string, unknown>;
  try {
    parsed = parseToml(text);
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new BadRequestError(`The file is not valid TOML: ${reason}`, { format: 'gemini-policy' }, 'invalid_toml');
  }
  for (const key of Object.keys(parsed)) {
    if (key !== 'rule') w.add(key, 'not a policy rule ([[rule]]); not imported.');
  }
  const rules = Array.isArray(parsed.rule) ? parsed.rule : [];
  const trusted: Sourced[] = [];
  const denied: Sourced[] = [];
  const excluded: Sourced[] = [];
  let coreDenied: string[] | null = null;

  rules.forEach((rule: unknown, index) => {
    const path = `rule[${index}]`;
    if (!isRecord(rule)) return w.add(path, 'not a table; not imported.');
    for (const key of Object.keys(rule)) {
      if (!RULE_KEYS.includes(key)) {
        w.control(childPath(path, key), `the policy has no ${key} condition, so the rule was not imported.`, 'high');
        return;
      }
    }
    const tools = stringList(rule.toolName)?.map((tool) => (isGeminiShellTool(tool) ? SHELL : tool));
    const prefixes = rule.commandPrefix === undefined ? undefined : stringList(rule.commandPrefix);
    const regex = typeof rule.commandRegex === 'string' ? rule.commandRegex : undefined;
    const isShell = tools?.length === 1 && tools[0] === SHELL;
    const decision = rule.decision;
    if (!tools || prefixes === null || (rule.commandRegex !== undefined && regex === undefined)) {
      return w.add(path, `${show(rule)} is not a rule Gemini accepts (toolName, commandPrefix and commandRegex are strings); not imported.`);
    }
    const modes = stringList(rule.modes);
    if (decision === 'deny') {
      if (modes && modes.length) w.add(childPath(path, 'modes'), 'the policy denies in every mode; imported as denied in every mode, which is stricter.');
      if (regex !== undefined || prefixes !== undefined) {
        if (!isShell) return w.control(path, 'a command rule for a tool other than the shell; the policy has no place for it, so it was not imported.', 'critical');
        if (regex !== undefined) {
          const command = deniedFromRegex(regex);
          if (command === null) return w.control(childPath(path, 'commandRegex'), `${show(regex)} is not a plain “anywhere in the command” pattern; not imported.`, 'critical');
          denied.push({ value: command, path });
        }
        for (const [i, prefix] of (prefixes ?? []).entries()) {
          w.add(childPath(path, 'commandPrefix'), 'Gemini refuses commands that start with this; the policy refuses it anywhere in a command, which is stricter.');
          denied.push({ value: prefix, path: childPath(childPath(path, 'commandPrefix'), i) });
        }
        return;
      }
      if (rule.priority === GEMINI_POLICY_PRIORITY.coreTools) {
        coreDenied = [...(coreDenied ?? []), ...tools];
        return;
      }
      tools.forEach((tool, i) => excluded.push({ value: tool, path: Array.isArray(rule.toolName) ? childPath(childPath(path, 'toolName'), i) : path }));
      return;
    }
    if (decision === 'allow') {
      if (!isShell) return w.add(path, `allows ${tools.join(', ')} without asking; the policy only trusts shell commands, so it was not imported.`);
      if (modes && modes.length && !modes.includes('autoEdit')) w.add(childPath(path, 'modes'), 'the policy trusts commands in auto-edit mode (autopilot); imported as trusted there.');
      if (prefixes !== undefined) {
        prefixes.forEach((prefix, i) => trusted.push({ value: prefix.trim() ? `${prefix.trim()} *` : '*', path: childPath(childPath(path, 'commandPrefix'), i) }));
      } else if (regex !== undefined) {
        const exact = regex.endsWith('"') ? literalOf(regex.slice(0, -1)) : null;
        const raw = exact === null ? literalOf(regex) : null;
        if (exact !== null) trusted.push({ value: exact, path });
        else if (raw !== null) trusted.push({ value: `${raw}*`, path });
        else w.add(childPath(path, 'commandRegex'), `${show(regex)} is not a plain command or prefix; the policy cannot trust a pattern, so it was not imported.`);
      } else {
        trusted.push({ value: '*', path });
      }
      return;
    }
    if (decision === 'ask_user') {
      // Pilotlight's own fallback: what the policy means by "not trusted".
      if (isShell && prefixes === undefined && regex === undefined) return;
      return w.control(path, 'the policy has no "ask" list (what is not trusted asks anyway, in supervised mode for everything); not imported.', 'high');
    }
    w.add(childPath(path, 'decision'), `${show(decision)} is not allow, deny or ask_user; not imported.`);
  });

  if (trusted.length) settings.trustedCommands = unique(cleanList('trustedCommands', trusted, w));
  if (denied.length) settings.deniedCommands = unique(cleanList('deniedCommands', denied, w));
  if (excluded.length) settings.excludeTools = unique(cleanList('excludeTools', excluded, w));
  if (coreDenied !== null) {
    const denySet = new Set<string>(coreDenied);
    settings.coreTools = GEMINI_CAPABILITY_TOOLS.filter((tool) => !denySet.has(tool));
  }
  return { settings: dropUndefined(settings), warnings: w.list, controls: w.controls };
}
