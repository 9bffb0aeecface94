import type { CompleteSettings, McpServer, PolicySettings } from './settings';

/** The words people read for each leaf of the settings document. */
export const FIELD_LABELS: Record<string, string> = {
  mode: 'Mode',
  trustedCommands: 'Trusted commands',
  deniedCommands: 'Denied commands',
  'telemetry.enabled': 'Telemetry',
  'telemetry.usageStatisticsEnabled': 'Usage statistics',
  sandbox: 'Sandbox',
  autoAccept: 'Auto-accept edits',
  coreTools: 'Core tools',
  excludeTools: 'Excluded tools',
  gitignore: '.gitignore entries',
  'network.allowedDomains': 'Network allowlist',
};

export type LeafValue = string | boolean | string[] | McpServer;

export interface SettingsLeaf {
  path: string;
  label: string;
  value: LeafValue;
}

/** Every leaf of a complete document in display order, one row per MCP server. */
export function flattenSettings(settings: CompleteSettings): SettingsLeaf[] {
  const leaf = (path: string, value: LeafValue): SettingsLeaf => ({ path, label: FIELD_LABELS[path] ?? path, value });
  return [
    leaf('mode', settings.mode),
    leaf('trustedCommands', settings.trustedCommands),
    leaf('deniedCommands', settings.deniedCommands),
    leaf('telemetry.enabled', settings.telemetry.enabled),
    leaf('telemetry.usageStatisticsEnabled', settings.telemetry.usageStatisticsEnabled),
    leaf('sandbox', settings.sandbox === false ? 'off' : settings.sandbox),
    leaf('autoAccept', settings.autoAccept),
    leaf('coreTools', settings.coreTools),
    leaf('excludeTools', settings.excludeTools),
    ...Object.entries(settings.mcpServers).map(([name, server]) => ({ path: `mcpServers.${name}`, label: `MCP server “${name}”`, value: server })),
    leaf('gitignore', settings.gitignore),
    leaf('network.allowedDomains', settings.network.allowedDomains),
  ];
}

/** Whether a layer sets the leaf at `path` itself (rather than inheriting it). */
export function layerSets(layer: PolicySettings, path: string): boolean {
  const [head, tail] = path.split(/\.(.*)/s) as [string, string | undefined];
  const value = (layer as Record<string, unknown>)[head];
  if (value === undefined) return false;
  if (tail === undefined) return true;
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>)[tail] !== undefined;
}
