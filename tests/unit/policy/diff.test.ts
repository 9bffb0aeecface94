import { describe, expect, it } from 'vitest';
import { diffSettings } from '@/lib/policy/diff';

describe('diffSettings', () => {
  it('finds nothing between equal documents (key order does not matter)', () => {
    expect(diffSettings({ mode: 'autopilot', telemetry: { enabled: false, usageStatisticsEnabled: true } }, { telemetry: { usageStatisticsEnabled: true, enabled: false }, mode: 'autopilot' })).toEqual([]);
  });

  it('reports added, removed and changed leaves with dotted paths, sorted', () => {
    expect(diffSettings({ mode: 'autopilot', autoAccept: true, telemetry: { enabled: true } }, { mode: 'supervised', sandbox: 'docker', telemetry: { enabled: false } })).toEqual([
      { path: 'autoAccept', kind: 'removed', before: true },
      { path: 'mode', kind: 'changed', before: 'autopilot', after: 'supervised' },
      { path: 'sandbox', kind: 'added', after: 'docker' },
      { path: 'telemetry.enabled', kind: 'changed', before: true, after: false },
    ]);
  });

  it('spells out list changes as added and removed items, counting duplicates', () => {
    expect(diffSettings({ trustedCommands: ['a', 'b', 'b'] }, { trustedCommands: ['b', 'c'] })).toEqual([
      { path: 'trustedCommands', kind: 'list', before: ['a', 'b', 'b'], after: ['b', 'c'], added: ['c'], removed: ['a', 'b'], reordered: false },
    ]);
  });

  it('notices a pure reordering', () => {
    expect(diffSettings({ gitignore: ['a', 'b'] }, { gitignore: ['b', 'a'] })).toEqual([
      { path: 'gitignore', kind: 'list', before: ['a', 'b'], after: ['b', 'a'], added: [], removed: [], reordered: true },
    ]);
  });

  it('goes inside MCP servers down to env entries', () => {
    expect(
      diffSettings(
        { mcpServers: { github: { command: 'npx', env: { GITHUB_TOKEN: 'ghp_x' } } } },
        { mcpServers: { github: { command: 'npx', env: { GITHUB_TOKEN: '${GITHUB_TOKEN}' } }, docs: { url: 'https://d.example.com' } } },
      ),
    ).toEqual([
      { path: 'mcpServers.docs', kind: 'added', after: { url: 'https://d.example.com' } },
      { path: 'mcpServers.github.env.GITHUB_TOKEN', kind: 'changed', before: 'ghp_x', after: '${GITHUB_TOKEN}' },
    ]);
  });

  it('treats a missing document as empty', () => {
    expect(diffSettings(undefined, { mode: 'autopilot' })).toEqual([{ path: 'mode', kind: 'added', after: 'autopilot' }]);
  });
});
