import type { CompleteSettings, PolicySettings } from '@/lib/policy/settings';
import type { ExportContext } from './catalog';
import { jsonFile, obj, sortedObject } from './json-file';
import { childPath, cleanList, dropUndefined, isRecord, readStrings, show, Warnings, type ImportOutput, type JsonRecord, type Sourced } from './reader';
import { CLAUDE_TOOL_NAMES, fromClaudeAllowed, fromClaudeDenied, isGeminiShellTool, parseClaudeRule, toClaudeAllowed, toClaudeDenied } from './shell-rules';

/**
 * Claude Code `managed-settings.json` (the managed scope: above user, project and CLI flags).
 * Written in this order:
 *
 *   $schema                                 editor completion only
 *   permissions.allow                       trusted commands as Bash(…) rules (see shell-rules.ts)
 *   permissions.deny                        excluded tools Claude has (run_shell_command → Bash, …),
 *                                           then each denied command as two Bash rules
 *   permissions.defaultMode                 autopilot → "acceptEdits", supervised → "default"
 *   permissions.disableBypassPermissionsMode  "disable", production teams only
 *   env                                     telemetry, sorted by name (managed env wins over the user's)
 *
 * Telemetry: `telemetry.enabled` (the organization's own OpenTelemetry collection in Kiro and
 * Gemini) is CLAUDE_CODE_ENABLE_TELEMETRY; `usageStatisticsEnabled` (data sent to the vendor) is
 * DISABLE_TELEMETRY and DISABLE_ERROR_REPORTING. Both are written as "0"/"1" either way, so the
 * file enforces the value instead of leaving it to the user.
 *
 * Not carried: autoAccept (Claude has no switch for auto-accepting safe tools; read-only tools
 * need no approval there anyway), sandbox, coreTools, MCP servers, .gitignore and domains.
 */

const SCHEMA_URL = 'https://json.schemastore.org/claude-code-settings.json';
const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];
const flag = (on: boolean) => (on ? '1' : '0');

export function exportClaudeCode(settings: CompleteSettings, context: ExportContext): string {
  const deniesEverything = settings.deniedCommands.some((command) => toClaudeDenied(command)[0] === 'Bash');
  const toolDenies = CLAUDE_TOOL_NAMES.filter(([policyTool]) =>
    policyTool === 'run_shell_command' ? deniesEverything || settings.excludeTools.some(isGeminiShellTool) : settings.excludeTools.includes(policyTool),
  ).map(([, claudeTool]) => claudeTool);
  const env = {
    CLAUDE_CODE_ENABLE_TELEMETRY: flag(settings.telemetry.enabled),
    DISABLE_ERROR_REPORTING: flag(!settings.telemetry.usageStatisticsEnabled),
    DISABLE_TELEMETRY: flag(!settings.telemetry.usageStatisticsEnabled),
  };
  return jsonFile(
    obj(
      ['$schema', SCHEMA_URL],
      [
        'permissions',
        obj(
          ['allow', unique(settings.trustedCommands.map(toClaudeAllowed))],
          ['deny', unique([...toolDenies, ...settings.deniedCommands.flatMap(toClaudeDenied)])],
          ['defaultMode', settings.mode === 'autopilot' ? 'acceptEdits' : 'default'],
          ['disableBypassPermissionsMode', context.environment === 'production' ? 'disable' : undefined],
        ),
      ],
      ['env', sortedObject(env, (value) => value)],
    ),
  );
}

const MID_WILDCARD = 'a * inside the command is a wildcard in Claude Code, but the policy (Kiro) only treats a trailing * as one; kept as written.';
const hasMidWildcard = (command: string) => (command.endsWith('*') ? command.slice(0, -1) : command).includes('*');

function readMode(value: unknown, path: string, w: Warnings): PolicySettings['mode'] {
  switch (value) {
    case undefined:
      return undefined;
    case 'default':
      return 'supervised';
    case 'acceptEdits':
      return 'autopilot';
    case 'plan':
    case 'dontAsk':
      w.add(path, `${show(value)} has no policy mode; imported as supervised.`);
      return 'supervised';
    case 'bypassPermissions':
      w.add(path, '"bypassPermissions" skips every check; imported as autopilot, which still asks before untrusted commands.');
      return 'autopilot';
    default:
      w.add(path, `${show(value)} is not a permission mode the policy knows; not imported.`);
      return undefined;
  }
}

function readAllow(items: readonly Sourced[], w: Warnings): Sourced[] {
  const trusted: Sourced[] = [];
  for (const item of items) {
    const rule = parseClaudeRule(item.value);
    if (rule?.tool !== 'Bash') {
      w.add(item.path, `${show(item.value)} is not a Bash rule; the policy only trusts shell commands, so it was not imported.`);
      continue;
    }
    const command = fromClaudeAllowed(rule.argument);
    if (hasMidWildcard(command)) w.add(item.path, MID_WILDCARD);
    trusted.push({ value: command, path: item.path });
  }
  return trusted;
}

function readDeny(items: readonly Sourced[], w: Warnings): { denied: Sourced[]; tools: Sourced[] } {
  const denied: Sourced[] = [];
  const tools: Sourced[] = [];
  for (const item of items) {
    const rule = parseClaudeRule(item.value);
    const tool = CLAUDE_TOOL_NAMES.find(([, claudeTool]) => claudeTool === rule?.tool)?.[0];
    if (rule?.tool === 'Bash') {
      const { command, exact } = fromClaudeDenied(rule.argument);
      // Denying every command is excluding the shell tool, as in Gemini CLI and the seed.
      if (command === '*') tools.push({ value: 'run_shell_command', path: item.path });
      else denied.push({ value: command, path: item.path });
      if (exact) w.add(item.path, 'Claude Code refuses only this exact command; the policy refuses it anywhere in a command, which is stricter.');
      if (hasMidWildcard(command)) w.add(item.path, MID_WILDCARD);
    } else if (rule && tool && rule.argument === undefined) {
      tools.push({ value: tool, path: item.path });
    } else {
      w.add(item.path, `${show(item.value)} has no place in the policy (it excludes whole tools and refuses shell commands); not imported.`);
    }
  }
  return { denied, tools };
}

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off', ''];
function readFlag(env: JsonRecord, name: string, w: Warnings): boolean | undefined {
  const value = env[name];
  if (value === undefined) return undefined;
  const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  if (text !== undefined && TRUE.includes(text)) return true;
  if (text !== undefined && FALSE.includes(text)) return false;
  w.add(childPath('env', name), `expected "1" or "0", found ${show(value)}; not imported.`);
  return undefined;
}

function readEnv(env: JsonRecord, w: Warnings): PolicySettings['telemetry'] {
  const enabled = readFlag(env, 'CLAUDE_CODE_ENABLE_TELEMETRY', w);
  const optOuts = ['DISABLE_TELEMETRY', 'DISABLE_ERROR_REPORTING', 'CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC'].map((name) => readFlag(env, name, w));
  const [statistics, errors, traffic] = optOuts;
  if (statistics !== undefined && errors !== undefined && statistics !== errors) {
    w.add('env', 'DISABLE_TELEMETRY and DISABLE_ERROR_REPORTING differ; the policy has one switch for both, so usage statistics are off if either is.');
  }
  const known = optOuts.filter((value): value is boolean => value !== undefined);
  const usageStatisticsEnabled = known.length ? !known.some(Boolean) : undefined;
  if (traffic) w.add('env.CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC', 'imported as usage statistics off; it also turns off auto-updates, which the policy does not hold.');
  for (const name of Object.keys(env)) {
    if (!['CLAUDE_CODE_ENABLE_TELEMETRY', 'DISABLE_TELEMETRY', 'DISABLE_ERROR_REPORTING', 'CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC'].includes(name)) {
      w.add(childPath('env', name), 'an environment variable the policy does not hold; not imported.');
    }
  }
  return enabled === undefined && usageStatisticsEnabled === undefined ? undefined : { enabled, usageStatisticsEnabled };
}

const PERMISSION_WARNINGS: Record<string, string> = {
  ask: 'the policy has no "ask" list (supervised mode asks for everything untrusted); not imported.',
  disableBypassPermissionsMode: 'written by Pilotlight for production teams from the team’s environment; not stored in the policy.',
};

export function importClaudeCode(parsed: unknown): ImportOutput {
  const w = new Warnings();
  const settings: PolicySettings = {};
  if (!isRecord(parsed)) return { settings, warnings: ['The file is not a JSON object.'] };
  for (const key of Object.keys(parsed)) {
    if (!['$schema', 'permissions', 'env'].includes(key)) w.add(childPath('', key), 'a Claude Code setting the policy does not hold; not imported.');
  }
  const permissions = parsed.permissions;
  if (isRecord(permissions)) {
    for (const [key, value] of Object.entries(permissions)) {
      const path = childPath('permissions', key);
      if (key === 'ask') readStrings(value, path, w)?.forEach((item) => w.add(item.path, `${show(item.value)}: ${PERMISSION_WARNINGS.ask}`));
      else if (!['allow', 'deny', 'defaultMode'].includes(key)) w.add(path, PERMISSION_WARNINGS[key] ?? 'a permission setting the policy does not hold; not imported.');
    }
    const allow = readStrings(permissions.allow, 'permissions.allow', w);
    if (allow) settings.trustedCommands = unique(cleanList('trustedCommands', readAllow(allow, w), w));
    const deny = readStrings(permissions.deny, 'permissions.deny', w);
    if (deny) {
      const { denied, tools } = readDeny(deny, w);
      settings.deniedCommands = unique(cleanList('deniedCommands', denied, w));
      // Claude names few of the policy's tools, so a file without tool denies says nothing about them.
      if (tools.length) settings.excludeTools = unique(cleanList('excludeTools', tools, w));
    }
    settings.mode = readMode(permissions.defaultMode, 'permissions.defaultMode', w);
  } else if (permissions !== undefined) {
    w.add('permissions', `expected an object, found ${show(permissions)}; not imported.`);
  }
  if (isRecord(parsed.env)) settings.telemetry = readEnv(parsed.env, w);
  else if (parsed.env !== undefined) w.add('env', `expected an object, found ${show(parsed.env)}; not imported.`);
  return { settings: dropUndefined(settings), warnings: w.list };
}
