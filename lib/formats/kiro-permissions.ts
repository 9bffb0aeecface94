import { parse as parseYaml } from 'yaml';
import { BadRequestError } from '@/lib/errors';
import { parseTrustEntry } from '@/lib/policy/coverage';
import type { CompleteSettings, PolicySettings } from '@/lib/policy/settings';
import type { ExportContext } from './catalog';
import { childPath, cleanList, dropUndefined, isRecord, show, Warnings, type ImportOutput, type Sourced } from './reader';
import { deniedCore, geminiShellArgument, isGeminiShellTool } from './shell-rules';

/**
 * Kiro IDE ≥ 1.0 / Kiro CLI v3 permission rules, `~/.kiro/settings/permissions.yaml`
 * (kiro.dev/docs/chat/permissions): `rules: [{capability, effect, match?, exclude?}]`, `match` and
 * `exclude` are globs, effects resolve deny > ask > allow across every scope. Written in this order:
 *
 *   deny   one rule per capability the policy takes away (excluded tools, tools missing from
 *          coreTools): shell, fs_read, fs_write, web_fetch, web_search
 *   deny   shell, `*<denied>*` for each denied command: refused anywhere in the command line, as
 *          the policy (Kiro 0.x's denylist) reads it; unlike the 0.x denylist, Kiro refuses
 *   allow  shell, the trusted commands: exact as written, `prefix *` as `prefix` and `prefix *`,
 *          `prefix*` as it is, `*` as a rule without `match` (every command)
 *
 * Strings are YAML double-quoted scalars (JSON's escapes), so the same policy gives the same bytes.
 */

const CAPABILITIES = ['shell', 'fs_read', 'fs_write', 'web_fetch', 'web_search'] as const;
type Capability = (typeof CAPABILITIES)[number];

/** The policy's (Gemini's) tool names behind each capability, for coreTools. */
const CAPABILITY_TOOLS: Record<Capability, readonly string[]> = {
  shell: ['run_shell_command'],
  fs_read: ['read_file', 'read_many_files', 'glob', 'grep_search', 'list_directory'],
  fs_write: ['write_file', 'replace'],
  web_fetch: ['web_fetch'],
  web_search: ['google_web_search'],
};
/** An excluded tool that takes a whole capability with it (excluding `glob` does not stop reading files). */
const EXCLUDED_TOOL_CAPABILITY: Record<string, Capability> = {
  run_shell_command: 'shell',
  ShellTool: 'shell',
  read_file: 'fs_read',
  write_file: 'fs_write',
  replace: 'fs_write',
  web_fetch: 'web_fetch',
  google_web_search: 'web_search',
};
/** Capability → the tool name it is imported as. */
const CAPABILITY_TOOL: Record<Capability, string> = { shell: 'run_shell_command', fs_read: 'read_file', fs_write: 'write_file', web_fetch: 'web_fetch', web_search: 'google_web_search' };
const isCapability = (value: unknown): value is Capability => typeof value === 'string' && (CAPABILITIES as readonly string[]).includes(value);

const yamlString = (value: string) => JSON.stringify(value).replace(/[\x7f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

interface Rule {
  capability: string;
  effect: 'deny' | 'allow';
  match?: string[];
}

function deniedCapabilities(settings: CompleteSettings): Capability[] {
  const out = new Set<Capability>();
  for (const tool of settings.excludeTools) {
    const capability = EXCLUDED_TOOL_CAPABILITY[tool.trim()];
    if (capability) out.add(capability);
  }
  if (!settings.coreTools.includes('all')) {
    const kept = new Set(settings.coreTools.map((tool) => (/^([A-Za-z0-9_-]+)\(/.exec(tool.trim())?.[1] ?? tool.trim())).map((tool) => (isGeminiShellTool(tool) ? 'run_shell_command' : tool)));
    for (const capability of CAPABILITIES) if (!CAPABILITY_TOOLS[capability].some((tool) => kept.has(tool))) out.add(capability);
  }
  return CAPABILITIES.filter((capability) => out.has(capability));
}

export function exportKiroPermissions(settings: CompleteSettings, _context: ExportContext): string {
  const rules: Rule[] = [];
  const shellRules = settings.excludeTools.map(geminiShellArgument).filter((argument): argument is string => argument !== null);
  const denied = unique([...shellRules, ...settings.deniedCommands].map(deniedCore));
  const capabilities = deniedCapabilities(settings);
  if (denied.includes('') && !capabilities.includes('shell')) capabilities.unshift('shell');
  for (const capability of capabilities) rules.push({ capability, effect: 'deny' });
  const patterns = denied.filter(Boolean).map((core) => `*${core}*`);
  if (patterns.length) rules.push({ capability: 'shell', effect: 'deny', match: patterns });

  const allowed: string[] = [];
  let trustsAll = false;
  const entries = settings.trustedCommands.map(parseTrustEntry);
  // An exact command that a `prefix *` entry also trusts is written once, with the prefix.
  const prefixes = new Set(entries.filter((entry) => entry.kind === 'prefix').map((entry) => entry.prefix));
  for (const entry of entries) {
    if (entry.kind === 'all') trustsAll = true;
    else if (entry.kind === 'prefix') allowed.push(entry.prefix, `${entry.prefix} *`);
    else if (entry.kind === 'raw-prefix') allowed.push(entry.prefix ? entry.entry : '*');
    else if (entry.kind === 'exact' && !prefixes.has(entry.prefix)) allowed.push(entry.prefix);
  }
  if (trustsAll) rules.push({ capability: 'shell', effect: 'allow' });
  else if (allowed.length) rules.push({ capability: 'shell', effect: 'allow', match: unique(allowed) });

  const lines = [
    '# Kiro permission rules, written by Pilotlight (Kiro IDE 1.0 and later, Kiro CLI v3).',
    '# ~/.kiro/settings/permissions.yaml; deny > ask > allow across every scope, and what no rule allows asks.',
  ];
  if (!rules.length) return `${lines.join('\n')}\nrules: []\n`;
  lines.push('rules:');
  for (const rule of rules) {
    lines.push(`  - capability: ${yamlString(rule.capability)}`, `    effect: ${yamlString(rule.effect)}`);
    if (rule.match) lines.push('    match:', ...rule.match.map((pattern) => `      - ${yamlString(pattern)}`));
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Import

function patterns(value: unknown, path: string, w: Warnings): Sourced[] | null {
  if (value === undefined || value === null) return null;
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list)) {
    w.add(path, `expected a list of patterns, found ${show(value)}; not imported.`);
    return [];
  }
  const out: Sourced[] = [];
  list.forEach((item: unknown, index) => {
    if (typeof item === 'string') out.push({ value: item, path: childPath(path, index) });
    else w.add(childPath(path, index), `expected a string, found ${show(item)}; not imported.`);
  });
  return out;
}

/** A deny glob → the policy's denied text (substring); `exact`/`prefix` when Kiro's rule is narrower. */
function deniedFromGlob(glob: string): { command: string; narrower: boolean } {
  const text = glob.trim();
  if (text.length >= 2 && text.startsWith('*') && text.endsWith('*')) return { command: deniedCore(text.slice(1, -1)) || '*', narrower: false };
  return { command: deniedCore(text.replace(/^\*+/, '')) || '*', narrower: true };
}

export function importKiroPermissions(text: string): ImportOutput {
  const w = new Warnings();
  const settings: PolicySettings = {};
  let parsed: unknown;
  try {
    parsed = parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new BadRequestError(`The file is not valid YAML: ${reason}`, { format: 'kiro-permissions' }, 'invalid_yaml');
  }
  if (parsed === null || parsed === undefined) return { settings, warnings: [] };
  if (!isRecord(parsed)) return { settings, warnings: ['The file is not a YAML mapping with a rules list.'] };
  for (const key of Object.keys(parsed)) if (key !== 'rules') w.add(key, 'not part of Kiro’s permission rules; not imported.');
  const rules = Array.isArray(parsed.rules) ? parsed.rules : [];
  if (parsed.rules !== undefined && !Array.isArray(parsed.rules)) w.add('rules', `expected a list, found ${show(parsed.rules)}; not imported.`);

  const trusted: Sourced[] = [];
  const denied: Sourced[] = [];
  const excluded: Sourced[] = [];
  rules.forEach((rule: unknown, index) => {
    const path = `rules[${index}]`;
    if (!isRecord(rule)) return w.add(path, `expected a rule, found ${show(rule)}; not imported.`);
    for (const key of Object.keys(rule)) if (!['capability', 'effect', 'match', 'exclude'].includes(key)) w.add(childPath(path, key), 'not a field of a Kiro permission rule; not imported.');
    const { capability, effect } = rule;
    const match = patterns(rule.match, childPath(path, 'match'), w);
    const exclude = patterns(rule.exclude, childPath(path, 'exclude'), w);
    const hasExclude = exclude !== null && exclude.length > 0;
    if (effect !== 'deny' && effect !== 'allow' && effect !== 'ask') return w.add(childPath(path, 'effect'), `${show(effect)} is not deny, ask or allow; not imported.`);
    if (effect === 'ask') return w.control(path, 'the policy has no "ask" list (what is not trusted asks anyway); not imported.', 'high');
    if (capability === 'all') {
      if (effect === 'deny') return w.control(path, 'denies every capability; the policy cannot say that, so it was not imported.', 'critical');
      if (match === null && !hasExclude) {
        w.add(path, 'allows every capability; imported as trusting every shell command.');
        trusted.push({ value: '*', path });
      } else {
        w.add(path, 'an allow rule for every capability with patterns; the policy only trusts shell commands, so it was not imported.');
      }
      return;
    }
    if (!isCapability(capability)) {
      if (effect === 'deny') return w.control(childPath(path, 'capability'), `${show(capability)} is a capability the policy has no place for; the deny rule was not imported.`, 'critical');
      return w.add(childPath(path, 'capability'), `${show(capability)} is a capability the policy has no place for; not imported.`);
    }
    if (effect === 'deny') {
      if (hasExclude) w.add(childPath(path, 'exclude'), 'the policy has no exceptions to a denial; imported without them, which is stricter.');
      if (match === null) return excluded.push({ value: CAPABILITY_TOOL[capability], path });
      if (capability !== 'shell') return w.control(childPath(path, 'match'), `a ${capability} deny rule for some paths or addresses; the policy only refuses whole tools and shell commands, so it was not imported.`, 'critical');
      for (const item of match) {
        const { command, narrower } = deniedFromGlob(item.value);
        if (narrower) w.add(item.path, 'Kiro refuses only commands matching this pattern; the policy refuses the text anywhere in a command, which is stricter.');
        if (command === '*') excluded.push({ value: 'run_shell_command', path: item.path });
        else denied.push({ value: command, path: item.path });
      }
      return;
    }
    // allow
    if (capability !== 'shell') return w.add(path, `allows ${capability} without asking; the policy only trusts shell commands, so it was not imported.`);
    if (hasExclude) return w.add(childPath(path, 'exclude'), 'an allow rule with exceptions; trusting it without them would trust more than the file does, so it was not imported.');
    if (match === null) return trusted.push({ value: '*', path });
    const all = new Set(match.map((item) => item.value.trim()));
    for (const item of match) {
      const glob = item.value.trim();
      if (all.has(`${glob} *`)) continue; // `prefix` + `prefix *` is the policy's `prefix *`
      trusted.push({ value: glob, path: item.path });
    }
  });
  if (trusted.length) settings.trustedCommands = unique(cleanList('trustedCommands', trusted, w));
  if (denied.length) settings.deniedCommands = unique(cleanList('deniedCommands', denied, w));
  if (excluded.length) settings.excludeTools = unique(cleanList('excludeTools', excluded, w));
  return { settings: dropUndefined(settings), warnings: w.list, controls: w.controls };
}
