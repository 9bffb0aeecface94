import { describe, expect, it } from 'vitest';
import { completeSettings, mergeLayers } from '@/lib/policy/merge';
import { PRESETS } from '@/lib/policy/presets';
import { DEFAULT_SETTINGS, policySettingsSchema } from '@/lib/policy/settings';

describe('mergeLayers', () => {
  it('gives the built-in defaults, all from "default", with no layers', () => {
    const { settings, provenance } = mergeLayers([]);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(new Set(Object.values(provenance))).toEqual(new Set(['default']));
  });

  it('lets each higher layer win leaf by leaf and records where each leaf came from', () => {
    const { settings, provenance } = mergeLayers([
      { source: 'global', settings: { mode: 'supervised', trustedCommands: ['git status'], telemetry: { enabled: false, usageStatisticsEnabled: false }, sandbox: 'docker' } },
      { source: 'team', settings: { mode: 'autopilot', trustedCommands: ['npm test'], telemetry: { usageStatisticsEnabled: true } } },
      { source: 'project', settings: { sandbox: false } },
    ]);
    expect(settings).toMatchObject({ mode: 'autopilot', trustedCommands: ['npm test'], telemetry: { enabled: false, usageStatisticsEnabled: true }, sandbox: false });
    expect(provenance).toMatchObject({
      mode: 'team',
      trustedCommands: 'team',
      'telemetry.enabled': 'global',
      'telemetry.usageStatisticsEnabled': 'team',
      sandbox: 'project',
      autoAccept: 'default',
    });
  });

  it('replaces lists entirely, so a higher layer can narrow them (even to empty)', () => {
    const { settings, provenance } = mergeLayers([
      { source: 'global', settings: { trustedCommands: ['a', 'b'], excludeTools: ['run_shell_command'] } },
      { source: 'project', settings: { trustedCommands: [], excludeTools: ['x'] } },
    ]);
    expect(settings.trustedCommands).toEqual([]);
    expect(settings.excludeTools).toEqual(['x']);
    expect(provenance.trustedCommands).toBe('project');
  });

  it('merges MCP servers by name, each server a leaf, in name order', () => {
    const { settings, provenance } = mergeLayers([
      { source: 'global', settings: { mcpServers: { zeta: { url: 'https://z.example.com' }, github: { command: 'old' } } } },
      { source: 'team', settings: { mcpServers: { github: { command: 'npx', args: ['-y', 'gh'] } } } },
    ]);
    expect(Object.keys(settings.mcpServers)).toEqual(['github', 'zeta']);
    expect(settings.mcpServers.github).toEqual({ command: 'npx', args: ['-y', 'gh'] });
    expect(provenance).toMatchObject({ 'mcpServers.github': 'team', 'mcpServers.zeta': 'global' });
  });

  it('never shares structure with its inputs', () => {
    const layer = { trustedCommands: ['a'] };
    const { settings } = mergeLayers([{ source: 'team', settings: layer }]);
    settings.trustedCommands.push('b');
    expect(layer.trustedCommands).toEqual(['a']);
    expect(DEFAULT_SETTINGS.trustedCommands).toEqual([]);
  });

  it('completes a partial template over the defaults', () => {
    expect(completeSettings({ autoAccept: true })).toEqual({ ...DEFAULT_SETTINGS, autoAccept: true });
  });
});

describe('presets', () => {
  it.each(PRESETS.map((preset) => [preset.name, preset] as const))('%s is a valid, complete settings document', (_name, preset) => {
    expect(policySettingsSchema.parse(preset.settings)).toEqual(preset.settings);
    expect(completeSettings(preset.settings)).toEqual(preset.settings);
  });
});
