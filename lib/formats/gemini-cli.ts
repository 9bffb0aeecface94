import type { CompleteSettings, PolicySettings } from '@/lib/policy/settings';
import type { ExportContext } from './catalog';
import { jsonFile, obj } from './json-file';
import { disabledServerNames, geminiServersJson, readMcpServers } from './mcp';
import { childPath, cleanList, dropUndefined, isRecord, readBoolean, readSandbox, readStrings, show, Warnings, type ImportOutput, type JsonRecord, type Sourced } from './reader';
import { fromGeminiAllowed, fromGeminiExcluded, geminiShellArgument, isGeminiShellTool, toGeminiAllowed, toGeminiExcluded } from './shell-rules';

/**
 * Gemini CLI `settings.json`, v2 nested keys (the system settings file, which overrides user and
 * project files). Written in this order:
 *
 *   general.defaultApprovalMode   autopilot → "auto_edit" (edits without asking), supervised → "default"
 *   tools.sandbox, tools.autoAccept
 *   tools.core                    left out when coreTools has "all": Gemini has no "all", no list = every tool
 *   tools.exclude                 excludeTools, then denied commands as run_shell_command(…) rules
 *   tools.allowed                 trusted commands as run_shell_command(…) rules (prefixes in Gemini)
 *   mcp.excluded                  only when a server is disabled
 *   mcpServers
 *   security.disableYoloMode      production teams only: YOLO (approve everything) cannot be turned on
 *   privacy.usageStatisticsEnabled
 *   telemetry.enabled
 *
 * Import also reads the flat v1 keys (coreTools, excludeTools, allowedTools, autoAccept, sandbox,
 * usageStatisticsEnabled, allowMCPServers, excludeMCPServers), as Gemini's own MIGRATION_MAP does.
 */

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

export function exportGeminiCli(settings: CompleteSettings, context: ExportContext): string {
  // Shell rules found in excludeTools are denied commands in Gemini's terms; writing them with the
  // denied ones (normalized) keeps import → export stable.
  const ruleArguments = settings.excludeTools.map(geminiShellArgument);
  const toolNames = settings.excludeTools.filter((_, index) => ruleArguments[index] === null);
  const denied = [...ruleArguments.filter((arg): arg is string => arg !== null).map(fromGeminiExcluded), ...settings.deniedCommands];
  const deniedRules = denied.map(toGeminiExcluded);
  const exclude = unique([
    ...toolNames,
    ...(deniedRules.includes(null) ? ['run_shell_command'] : []),
    ...deniedRules.filter((rule): rule is string => rule !== null),
  ]);
  const excludedServers = disabledServerNames(settings.mcpServers);
  return jsonFile(
    obj(
      ['general', obj(['defaultApprovalMode', settings.mode === 'autopilot' ? 'auto_edit' : 'default'])],
      [
        'tools',
        obj(
          ['sandbox', settings.sandbox],
          ['autoAccept', settings.autoAccept],
          ['core', settings.coreTools.includes('all') ? undefined : settings.coreTools],
          ['exclude', exclude],
          ['allowed', unique(settings.trustedCommands.map(toGeminiAllowed))],
        ),
      ],
      ['mcp', excludedServers.length ? obj(['excluded', excludedServers]) : undefined],
      ['mcpServers', geminiServersJson(settings.mcpServers)],
      ['security', context.environment === 'production' ? obj(['disableYoloMode', true]) : undefined],
      ['privacy', obj(['usageStatisticsEnabled', settings.telemetry.usageStatisticsEnabled])],
      ['telemetry', obj(['enabled', settings.telemetry.enabled])],
    ),
  );
}

const NOT_POLICY = 'not part of the policy; not imported.';
const V2_SECTIONS: Record<string, readonly string[]> = {
  general: ['defaultApprovalMode'],
  tools: ['sandbox', 'autoAccept', 'core', 'exclude', 'allowed'],
  mcp: ['excluded'],
  security: [],
  privacy: ['usageStatisticsEnabled'],
  telemetry: ['enabled'],
};
/** v1 key → its v2 place (Gemini's MIGRATION_MAP, the part the policy holds). */
const V1_KEYS: Record<string, readonly [section: string, key: string]> = {
  coreTools: ['tools', 'core'],
  excludeTools: ['tools', 'exclude'],
  allowedTools: ['tools', 'allowed'],
  autoAccept: ['tools', 'autoAccept'],
  sandbox: ['tools', 'sandbox'],
  usageStatisticsEnabled: ['privacy', 'usageStatisticsEnabled'],
  excludeMCPServers: ['mcp', 'excluded'],
  allowMCPServers: ['mcp', 'allowed'],
};
const SPECIAL_WARNINGS: Record<string, string> = {
  'mcp.allowed': 'an allowlist of MCP servers; the policy lists the servers themselves, so this was not imported.',
  'security.disableYoloMode': 'written by Pilotlight for production teams from the team’s environment; not stored in the policy.',
  'telemetry.logPrompts': 'the policy does not hold prompt logging; not imported.',
  'telemetry.target': 'the policy does not hold a telemetry target; not imported.',
  'telemetry.otlpEndpoint': 'the policy does not hold a telemetry endpoint; not imported.',
};

/** Every known setting with the path it was found at, v2 winning over v1. */
function collect(root: JsonRecord, w: Warnings): Map<string, { value: unknown; path: string }> {
  const found = new Map<string, { value: unknown; path: string }>();
  for (const [section, known] of Object.entries(V2_SECTIONS)) {
    const value = root[section];
    if (value === undefined) continue;
    if (!isRecord(value)) {
      w.add(section, `expected an object, found ${show(value)}; not imported.`);
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      const path = childPath(section, key);
      if (known.includes(key)) found.set(path, { value: item, path });
      else w.add(path, SPECIAL_WARNINGS[path] ?? NOT_POLICY);
    }
  }
  for (const [v1, [section, key]] of Object.entries(V1_KEYS)) {
    if (root[v1] === undefined) continue;
    const target = `${section}.${key}`;
    if (target === 'mcp.allowed') w.add(v1, SPECIAL_WARNINGS[target] ?? NOT_POLICY);
    else if (found.has(target)) w.add(v1, `the v1 key is ignored because ${target} is also set.`);
    else found.set(target, { value: root[v1], path: v1 });
  }
  for (const key of Object.keys(root)) {
    if (!(key in V2_SECTIONS) && !(key in V1_KEYS) && key !== 'mcpServers' && key !== '$schema') w.add(childPath('', key), NOT_POLICY);
  }
  return found;
}

function readMode(value: unknown, path: string, w: Warnings): PolicySettings['mode'] {
  switch (value) {
    case undefined:
      return undefined;
    case 'default':
      return 'supervised';
    case 'auto_edit':
      return 'autopilot';
    case 'plan':
      w.add(path, '"plan" (read-only) has no policy mode; imported as supervised.');
      return 'supervised';
    case 'yolo':
      w.add(path, '"yolo" approves everything and cannot be set in a settings file; imported as autopilot.');
      return 'autopilot';
    default:
      w.add(path, `${show(value)} is not an approval mode the policy knows; not imported.`);
      return undefined;
  }
}

export function importGeminiCli(parsed: unknown): ImportOutput {
  const w = new Warnings();
  const settings: PolicySettings = {};
  if (!isRecord(parsed)) return { settings, warnings: ['The file is not a JSON object.'] };
  const found = collect(parsed, w);
  const get = (path: string) => found.get(path) ?? { value: undefined, path };

  const mode = get('general.defaultApprovalMode');
  settings.mode = readMode(mode.value, mode.path, w);
  const sandbox = get('tools.sandbox');
  settings.sandbox = readSandbox(sandbox.value, sandbox.path, w);
  const autoAccept = get('tools.autoAccept');
  settings.autoAccept = readBoolean(autoAccept.value, autoAccept.path, w);
  const core = get('tools.core');
  const coreItems = readStrings(core.value, core.path, w);
  if (coreItems) settings.coreTools = cleanList('coreTools', coreItems, w);

  const allowed = get('tools.allowed');
  const allowedItems = readStrings(allowed.value, allowed.path, w);
  if (allowedItems) {
    const trusted: Sourced[] = [];
    for (const item of allowedItems) {
      const argument = geminiShellArgument(item.value);
      if (argument !== null) trusted.push({ value: fromGeminiAllowed(argument), path: item.path });
      else if (isGeminiShellTool(item.value.trim())) trusted.push({ value: '*', path: item.path });
      else w.add(item.path, `${show(item.value)} auto-approves a tool other than the shell; the policy only trusts shell commands, so it was not imported.`);
    }
    settings.trustedCommands = unique(cleanList('trustedCommands', trusted, w));
  }

  const exclude = get('tools.exclude');
  const excludeItems = readStrings(exclude.value, exclude.path, w);
  if (excludeItems) {
    const denied: Sourced[] = [];
    const tools: Sourced[] = [];
    for (const item of excludeItems) {
      const argument = geminiShellArgument(item.value);
      if (argument !== null) denied.push({ value: fromGeminiExcluded(argument), path: item.path });
      else tools.push(item);
    }
    settings.deniedCommands = unique(cleanList('deniedCommands', denied, w));
    settings.excludeTools = unique(cleanList('excludeTools', tools, w));
  }

  const usage = get('privacy.usageStatisticsEnabled');
  const usageStatisticsEnabled = readBoolean(usage.value, usage.path, w);
  const telemetry = get('telemetry.enabled');
  const enabled = readBoolean(telemetry.value, telemetry.path, w);
  if (usageStatisticsEnabled !== undefined || enabled !== undefined) settings.telemetry = { enabled, usageStatisticsEnabled };

  const servers = readMcpServers(parsed.mcpServers, 'mcpServers', 'gemini', w);
  const excluded = get('mcp.excluded');
  const excludedNames = readStrings(excluded.value, excluded.path, w) ?? [];
  for (const { value: name, path } of excludedNames) {
    const server = servers?.[name];
    if (server) server.disabled = true;
    else w.add(path, `${show(name)} is not a server defined in this file; not imported.`);
  }
  settings.mcpServers = servers;
  return { settings: dropUndefined(settings), warnings: w.list };
}
