import { DEFAULT_SETTINGS, type CompleteSettings, type McpServer, type PolicySettings } from './settings';

/**
 * Layers, lowest priority first: built-in defaults, the organization default template
 * ("global"), the team's template, and the project's overrides (highest, as in the seed:
 * project settings win over global ones).
 */
export type LayerSource = 'default' | 'global' | 'team' | 'project';

export interface Layer {
  source: Exclude<LayerSource, 'default'>;
  settings: PolicySettings;
}

/** Where each leaf of the effective settings came from, keyed by its path (`telemetry.enabled`, `mcpServers.github`). */
export type Provenance = Record<string, LayerSource>;

export interface EffectiveSettings {
  settings: CompleteSettings;
  provenance: Provenance;
}

const clone = <T>(value: T): T => structuredClone(value);

/**
 * Merges layers leaf by leaf. Scalars and lists are leaves (a higher layer's list replaces a
 * lower one's entirely, so a team can narrow the trusted commands, not only add to them);
 * `telemetry` and `network` merge per key; MCP servers merge per server name.
 */
export function mergeLayers(layers: readonly Layer[]): EffectiveSettings {
  const settings = clone(DEFAULT_SETTINGS);
  const provenance: Provenance = {
    mode: 'default',
    trustedCommands: 'default',
    deniedCommands: 'default',
    'telemetry.enabled': 'default',
    'telemetry.usageStatisticsEnabled': 'default',
    sandbox: 'default',
    autoAccept: 'default',
    coreTools: 'default',
    excludeTools: 'default',
    gitignore: 'default',
    'network.allowedDomains': 'default',
  };
  for (const { source, settings: layer } of layers) {
    const take = <K extends 'mode' | 'trustedCommands' | 'deniedCommands' | 'sandbox' | 'autoAccept' | 'coreTools' | 'excludeTools' | 'gitignore'>(key: K) => {
      const value = layer[key];
      if (value === undefined) return;
      (settings as Record<K, unknown>)[key] = clone(value);
      provenance[key] = source;
    };
    take('mode');
    take('trustedCommands');
    take('deniedCommands');
    take('sandbox');
    take('autoAccept');
    take('coreTools');
    take('excludeTools');
    take('gitignore');
    if (layer.telemetry?.enabled !== undefined) {
      settings.telemetry.enabled = layer.telemetry.enabled;
      provenance['telemetry.enabled'] = source;
    }
    if (layer.telemetry?.usageStatisticsEnabled !== undefined) {
      settings.telemetry.usageStatisticsEnabled = layer.telemetry.usageStatisticsEnabled;
      provenance['telemetry.usageStatisticsEnabled'] = source;
    }
    if (layer.network?.allowedDomains !== undefined) {
      settings.network.allowedDomains = clone(layer.network.allowedDomains);
      provenance['network.allowedDomains'] = source;
    }
    for (const [name, server] of Object.entries(layer.mcpServers ?? {})) {
      settings.mcpServers[name] = clone(server) as McpServer;
      provenance[`mcpServers.${name}`] = source;
    }
  }
  settings.mcpServers = Object.fromEntries(Object.entries(settings.mcpServers).sort(([a], [b]) => a.localeCompare(b)));
  return { settings, provenance };
}

/** A template on its own, as an agent would get it with nothing else assigned. */
export function completeSettings(settings: PolicySettings): CompleteSettings {
  return mergeLayers([{ source: 'global', settings }]).settings;
}
