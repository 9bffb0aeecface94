import type { CompleteSettings, PolicySettings } from '@/lib/policy/settings';
import type { ExportContext } from './catalog';
import { jsonFile, obj, sortedObject } from './json-file';
import { childPath, cleanList, dropUndefined, isRecord, readStrings, show, Warnings, type ControlImpact, type ImportOutput, type JsonRecord, type Sourced } from './reader';
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
 *   permissions.disableBypassPermissionsMode, permissions.disableAutoMode
 *                                           "disable", production teams only (auto mode approves
 *                                           tool calls on its own)
 *   allowManagedPermissionRulesOnly         true, production teams only: users and projects cannot
 *                                           add allow rules of their own
 *   env                                     telemetry, sorted by name (managed env wins over the user's)
 *   sandbox                                 when the policy sandboxes commands: Claude's own sandbox
 *                                           on, with the network allowlist as sandbox.network.allowedDomains
 *
 * Telemetry: `telemetry.enabled` (the organization's own OpenTelemetry collection in Kiro and
 * Gemini) is CLAUDE_CODE_ENABLE_TELEMETRY ("1"/"0"); `usageStatisticsEnabled` (data sent to the
 * vendor) off is DISABLE_TELEMETRY and DISABLE_ERROR_REPORTING "1". Claude Code treats *any* value of
 * those two as "disabled" (even "0"), so to leave statistics on they are not written at all.
 *
 * Not carried: autoAccept (Claude has no switch for auto-accepting safe tools; read-only tools
 * need no approval there anyway), coreTools, MCP servers and .gitignore.
 */

const SCHEMA_URL = 'https://json.schemastore.org/claude-code-settings.json';
const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

export function exportClaudeCode(settings: CompleteSettings, context: ExportContext): string {
  const production = context.environment === 'production';
  const deniesEverything = settings.deniedCommands.some((command) => toClaudeDenied(command)[0] === 'Bash');
  const toolDenies = CLAUDE_TOOL_NAMES.filter(([policyTool]) =>
    policyTool === 'run_shell_command' ? deniesEverything || settings.excludeTools.some(isGeminiShellTool) : settings.excludeTools.includes(policyTool),
  ).map(([, claudeTool]) => claudeTool);
  const statisticsOff = !settings.telemetry.usageStatisticsEnabled;
  const env = {
    CLAUDE_CODE_ENABLE_TELEMETRY: settings.telemetry.enabled ? '1' : '0',
    ...(statisticsOff ? { DISABLE_ERROR_REPORTING: '1', DISABLE_TELEMETRY: '1' } : {}),
  };
  const domains = unique(settings.network.allowedDomains);
  return jsonFile(
    obj(
      ['$schema', SCHEMA_URL],
      [
        'permissions',
        obj(
          ['allow', unique(settings.trustedCommands.map(toClaudeAllowed).filter((rule): rule is string => rule !== null))],
          ['deny', unique([...toolDenies, ...settings.deniedCommands.flatMap(toClaudeDenied)])],
          ['defaultMode', settings.mode === 'autopilot' ? 'acceptEdits' : 'default'],
          ['disableBypassPermissionsMode', production ? 'disable' : undefined],
          ['disableAutoMode', production ? 'disable' : undefined],
        ),
      ],
      ['allowManagedPermissionRulesOnly', production ? true : undefined],
      ['env', sortedObject(env, (value) => value)],
      ['sandbox', settings.sandbox === false ? undefined : obj(['enabled', true], ['network', domains.length ? obj(['allowedDomains', domains]) : undefined])],
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
      // Read(./.env), WebFetch(domain:…), mcp__server: a refusal the policy cannot hold.
      w.control(item.path, `${show(item.value)} has no place in the policy (it excludes whole tools and refuses shell commands); not imported.`, 'critical');
    }
  }
  return { denied, tools };
}

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off', ''];
const OPT_OUTS = ['DISABLE_TELEMETRY', 'DISABLE_ERROR_REPORTING', 'CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC'];
const KNOWN_ENV = ['CLAUDE_CODE_ENABLE_TELEMETRY', ...OPT_OUTS];

/** Claude accepts numbers and booleans in env (it sets the variable to their text). */
function envText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function readEnv(env: JsonRecord, w: Warnings): PolicySettings['telemetry'] {
  let enabled: boolean | undefined;
  const enable = env.CLAUDE_CODE_ENABLE_TELEMETRY;
  if (enable !== undefined) {
    const text = envText(enable)?.trim().toLowerCase();
    if (text !== undefined && TRUE.includes(text)) enabled = true;
    else if (text !== undefined && FALSE.includes(text)) enabled = false;
    else w.add('env.CLAUDE_CODE_ENABLE_TELEMETRY', `expected "1" or "0", found ${show(enable)}; not imported.`);
  }
  // Claude Code treats any non-empty value of an opt-out as set, "0" included.
  const set: string[] = [];
  for (const name of OPT_OUTS) {
    const value = env[name];
    if (value === undefined) continue;
    const text = envText(value);
    if (text === undefined) {
      w.add(childPath('env', name), `expected a string, found ${show(value)}; read as set, since Claude Code treats any value as set.`);
      set.push(name);
    } else if (text !== '') {
      if (FALSE.includes(text.trim().toLowerCase())) w.add(childPath('env', name), `${show(value)} still turns it off: Claude Code treats any value as set. Imported as off.`);
      set.push(name);
    }
  }
  if (set.includes('CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC')) {
    w.add('env.CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC', 'imported as usage statistics off; it also turns off auto-updates, which the policy does not hold.');
  }
  for (const name of Object.keys(env)) {
    if (!KNOWN_ENV.includes(name)) w.add(childPath('env', name), 'an environment variable the policy does not hold; not imported.');
  }
  // A managed env without the opt-outs leaves Claude's default on: statistics are sent.
  return { enabled, usageStatisticsEnabled: set.length === 0 };
}

function readSandboxSection(value: unknown, w: Warnings): Pick<PolicySettings, 'sandbox' | 'network'> {
  if (!isRecord(value)) {
    w.add('sandbox', `expected an object, found ${show(value)}; not imported.`);
    return {};
  }
  const out: Pick<PolicySettings, 'sandbox' | 'network'> = {};
  for (const key of Object.keys(value)) {
    if (key === 'enabled' || key === 'network') continue;
    const impact = SANDBOX_CONTROLS[key];
    if (impact) w.control(childPath('sandbox', key), 'a sandbox restriction the policy does not hold; not imported.', impact);
    else w.add(childPath('sandbox', key), 'a sandbox setting the policy does not hold; not imported.');
  }
  if (value.enabled === true) {
    out.sandbox = 'docker';
    w.add('sandbox.enabled', 'Claude Code’s own sandbox; the policy names a container runtime, so it was imported as "docker" (written back as sandbox.enabled).');
  } else if (value.enabled === false) {
    out.sandbox = false;
  } else if (value.enabled !== undefined) {
    w.add('sandbox.enabled', `expected true or false, found ${show(value.enabled)}; not imported.`);
  }
  const network = value.network;
  if (isRecord(network)) {
    for (const key of Object.keys(network)) {
      if (key === 'allowedDomains') continue;
      const impact = key === 'deniedDomains' || key === 'allowManagedDomainsOnly' ? 'high' : undefined;
      if (impact) w.control(childPath('sandbox.network', key), 'a network restriction the policy does not hold; not imported.', impact);
      else w.add(childPath('sandbox.network', key), 'a network setting the policy does not hold; not imported.');
    }
    const domains = readStrings(network.allowedDomains, 'sandbox.network.allowedDomains', w);
    if (domains) out.network = { allowedDomains: unique(cleanList('allowedDomains', domains, w)) };
  } else if (network !== undefined) {
    w.add('sandbox.network', `expected an object, found ${show(network)}; not imported.`);
  }
  return out;
}

const SANDBOX_CONTROLS: Record<string, ControlImpact> = { filesystem: 'high', failIfUnavailable: 'medium', allowUnsandboxedCommands: 'medium', excludedCommands: 'medium' };

/** Top-level managed keys whose loss drops a restriction. */
const TOP_LEVEL_CONTROLS: Record<string, ControlImpact> = {
  allowedMcpServers: 'high',
  deniedMcpServers: 'critical',
  allowManagedMcpServersOnly: 'high',
  hooks: 'high',
  allowManagedHooksOnly: 'high',
  disableAllHooks: 'medium',
  forceLoginMethod: 'high',
  forceLoginOrgUUID: 'high',
  strictKnownMarketplaces: 'high',
  blockedMarketplaces: 'high',
  enableAllProjectMcpServers: 'medium',
  disableAutoMode: 'medium',
  disableSkillShellExecution: 'medium',
};

const PERMISSION_WARNINGS: Record<string, string> = {
  ask: 'the policy has no "ask" list (supervised mode asks for everything untrusted); not imported.',
  disableBypassPermissionsMode: 'written by Pilotlight for production teams from the team’s environment; not stored in the policy.',
  disableAutoMode: 'written by Pilotlight for production teams from the team’s environment; not stored in the policy.',
  additionalDirectories: 'the policy does not hold extra working directories; not imported.',
};
const PERMISSION_CONTROLS: Record<string, ControlImpact> = { disableBypassPermissionsMode: 'medium', disableAutoMode: 'medium' };
const PRODUCTION_NOTE = 'written by Pilotlight for production teams from the team’s environment; not stored in the policy.';

export function importClaudeCode(parsed: unknown): ImportOutput {
  const w = new Warnings();
  const settings: PolicySettings = {};
  if (!isRecord(parsed)) return { settings, warnings: ['The file is not a JSON object.'] };
  for (const key of Object.keys(parsed)) {
    if (['$schema', 'permissions', 'env', 'sandbox'].includes(key)) continue;
    if (key === 'allowManagedPermissionRulesOnly') w.control(key, PRODUCTION_NOTE, 'medium');
    else if (TOP_LEVEL_CONTROLS[key]) w.control(childPath('', key), 'a Claude Code control the policy does not hold; not imported.', TOP_LEVEL_CONTROLS[key]);
    else w.add(childPath('', key), 'a Claude Code setting the policy does not hold; not imported.');
  }
  const permissions = parsed.permissions;
  if (isRecord(permissions)) {
    for (const [key, value] of Object.entries(permissions)) {
      const path = childPath('permissions', key);
      if (key === 'ask') readStrings(value, path, w)?.forEach((item) => w.control(item.path, `${show(item.value)}: ${PERMISSION_WARNINGS.ask}`, 'high'));
      else if (PERMISSION_CONTROLS[key]) w.control(path, PERMISSION_WARNINGS[key] ?? PRODUCTION_NOTE, PERMISSION_CONTROLS[key]);
      else if (!['allow', 'deny', 'defaultMode'].includes(key)) w.add(path, PERMISSION_WARNINGS[key] ?? 'a permission setting the policy does not hold; not imported.');
    }
    const allow = readStrings(permissions.allow, 'permissions.allow', w);
    if (allow) settings.trustedCommands = unique(cleanList('trustedCommands', readAllow(allow, w), w));
    const deny = readStrings(permissions.deny, 'permissions.deny', w);
    if (deny) {
      const { denied, tools } = readDeny(deny, w);
      // No Bash deny rule is not "deny nothing": an empty list would replace the inherited ones.
      if (denied.length) settings.deniedCommands = unique(cleanList('deniedCommands', denied, w));
      // Claude names few of the policy's tools, so a file without tool denies says nothing about them.
      if (tools.length) settings.excludeTools = unique(cleanList('excludeTools', tools, w));
    }
    settings.mode = readMode(permissions.defaultMode, 'permissions.defaultMode', w);
  } else if (permissions !== undefined) {
    w.add('permissions', `expected an object, found ${show(permissions)}; not imported.`);
  }
  if (isRecord(parsed.env)) settings.telemetry = readEnv(parsed.env, w);
  else if (parsed.env !== undefined) w.add('env', `expected an object, found ${show(parsed.env)}; not imported.`);
  if (parsed.sandbox !== undefined) Object.assign(settings, readSandboxSection(parsed.sandbox, w));
  return { settings: dropUndefined(settings), warnings: w.list, controls: w.controls };
}
