import type { CompleteSettings, PolicySettings } from '@/lib/policy/settings';
import type { ExportContext } from './catalog';
import { jsonFile, obj } from './json-file';
import { disabledServerNames, geminiServersJson, readMcpServers } from './mcp';
import { childPath, cleanList, dropUndefined, isRecord, readBoolean, readSandbox, readStrings, show, Warnings, type ControlImpact, type ImportOutput, type JsonRecord, type Sourced } from './reader';
import { fromGeminiAllowed, fromGeminiExcluded, geminiShellArgument, isGeminiShellTool } from './shell-rules';

/**
 * Gemini CLI `settings.json`, v2 nested keys (the system settings file, which overrides user and
 * project files). It carries no command or tool rules: since Gemini CLI 0.24 denied commands in
 * `tools.exclude` do nothing, since 0.41 `tools.allowed` denies every other shell command and
 * `tools.core` auto-approves the tools it lists, and all three are deprecated — the rules are in
 * the Policy Engine file (gemini-policy.ts). Written in this order:
 *
 *   general.defaultApprovalMode   autopilot → "auto_edit" (edits without asking), supervised → "default"
 *   tools.sandbox
 *   mcp.excluded                  only when a server is disabled
 *   mcpServers
 *   security.disableYoloMode      production teams only: YOLO (approve everything) cannot be turned on
 *   privacy.usageStatisticsEnabled
 *   telemetry.enabled
 *
 * Import reads these, and also the deprecated tools.core/exclude/allowed, tools.autoAccept (removed
 * in 0.28) and the flat v1 keys (ignored since 0.25), each with a warning that current Gemini CLI
 * does not apply it.
 */

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

export function exportGeminiCli(settings: CompleteSettings, context: ExportContext): string {
  const excludedServers = disabledServerNames(settings.mcpServers);
  return jsonFile(
    obj(
      ['general', obj(['defaultApprovalMode', settings.mode === 'autopilot' ? 'auto_edit' : 'default'])],
      ['tools', obj(['sandbox', settings.sandbox])],
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
  'security.disableAlwaysAllow': 'the policy does not hold this switch; not imported.',
  'security.folderTrust': 'the policy does not hold folder trust; not imported.',
  'tools.confirmationRequired': 'the policy has no list of tools that always ask; not imported.',
  'tools.sandboxNetworkAccess': 'the policy does not hold sandbox network access; not imported.',
  'telemetry.logPrompts': 'the policy does not hold prompt logging; not imported.',
  'telemetry.target': 'the policy does not hold a telemetry target; not imported.',
  'telemetry.otlpEndpoint': 'the policy does not hold a telemetry endpoint; not imported.',
};

/** Keys whose loss drops a restriction (the rest of what is not imported is comfort or plumbing). */
const CONTROL_KEYS: Record<string, ControlImpact> = {
  'mcp.allowed': 'high',
  'security.disableYoloMode': 'medium',
  'security.disableAlwaysAllow': 'high',
  'security.folderTrust': 'medium',
  'security.enableConseca': 'medium',
  'security.environmentVariableRedaction': 'medium',
  'tools.confirmationRequired': 'high',
  'tools.sandboxNetworkAccess': 'medium',
  'admin.secureModeEnabled': 'high',
  'hooks': 'high',
};
const V1_INERT = 'a Gemini CLI v1 key: Gemini CLI has ignored v1 keys since 0.25, so the source file did not apply it; imported as the policy value.';
const DEPRECATED: Record<string, string> = {
  'tools.core': 'tools.core is deprecated, and since Gemini CLI 0.41 it auto-approves the tools it lists; imported as the list of core tools (the export writes it as Policy Engine rules).',
  'tools.exclude': 'tools.exclude is deprecated, and since Gemini CLI 0.24 its run_shell_command(…) entries deny nothing; imported (the export writes them as Policy Engine deny rules).',
  'tools.allowed': 'tools.allowed is deprecated, and since Gemini CLI 0.41 it also denies every shell command it does not list; imported as trusted commands (the export writes Policy Engine allow rules, and other commands ask).',
  'tools.autoAccept': 'tools.autoAccept was removed in Gemini CLI 0.28 and does nothing there; imported as the policy value.',
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
      if (known.includes(key)) {
        found.set(path, { value: item, path });
        const deprecated = DEPRECATED[path];
        if (deprecated) w.add(path, deprecated);
      } else {
        const impact = CONTROL_KEYS[path];
        if (impact) w.control(path, SPECIAL_WARNINGS[path] ?? NOT_POLICY, impact);
        else w.add(path, SPECIAL_WARNINGS[path] ?? NOT_POLICY);
      }
    }
  }
  for (const [v1, [section, key]] of Object.entries(V1_KEYS)) {
    if (root[v1] === undefined) continue;
    const target = `${section}.${key}`;
    if (target === 'mcp.allowed') w.control(v1, SPECIAL_WARNINGS[target] ?? NOT_POLICY, 'high');
    else if (found.has(target)) w.add(v1, `the v1 key is ignored because ${target} is also set.`);
    else {
      found.set(target, { value: root[v1], path: v1 });
      w.add(v1, V1_INERT);
    }
  }
  for (const key of Object.keys(root)) {
    if (key in V2_SECTIONS || key in V1_KEYS || key === 'mcpServers' || key === '$schema') continue;
    const impact = CONTROL_KEYS[key];
    if (impact) w.control(childPath('', key), NOT_POLICY, impact);
    else w.add(childPath('', key), NOT_POLICY);
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
    // No shell rules is not "deny nothing": an empty list would replace the inherited ones.
    if (denied.length) settings.deniedCommands = unique(cleanList('deniedCommands', denied, w));
    if (tools.length) settings.excludeTools = unique(cleanList('excludeTools', tools, w));
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
  return { settings: dropUndefined(settings), warnings: w.list, controls: w.controls };
}
