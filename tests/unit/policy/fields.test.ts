import { describe, expect, it } from 'vitest';
import { flattenSettings, layerSets } from '@/lib/policy/fields';
import { DEFAULT_SETTINGS } from '@/lib/policy/settings';

describe('flattenSettings', () => {
  it('lists every leaf in display order, one row per MCP server', () => {
    const leaves = flattenSettings({ ...DEFAULT_SETTINGS, sandbox: false, mcpServers: { a: { command: 'x' }, b: { url: 'https://b.example.com' } } });
    expect(leaves.map((l) => l.path)).toEqual([
      'mode',
      'trustedCommands',
      'deniedCommands',
      'telemetry.enabled',
      'telemetry.usageStatisticsEnabled',
      'sandbox',
      'autoAccept',
      'coreTools',
      'excludeTools',
      'mcpServers.a',
      'mcpServers.b',
      'gitignore',
      'network.allowedDomains',
    ]);
    expect(leaves.find((l) => l.path === 'sandbox')?.value).toBe('off');
    expect(leaves.find((l) => l.path === 'mcpServers.a')?.label).toBe('MCP server “a”');
  });
});

describe('layerSets', () => {
  it('tells set leaves from inherited ones, including nested ones', () => {
    const layer = { mode: 'autopilot' as const, telemetry: { enabled: false }, mcpServers: {} };
    expect(layerSets(layer, 'mode')).toBe(true);
    expect(layerSets(layer, 'sandbox')).toBe(false);
    expect(layerSets(layer, 'telemetry.enabled')).toBe(true);
    expect(layerSets(layer, 'telemetry.usageStatisticsEnabled')).toBe(false);
    expect(layerSets(layer, 'mcpServers')).toBe(true);
    expect(layerSets(layer, 'network.allowedDomains')).toBe(false);
  });
});
