import { describe, expect, it } from 'vitest';
import { rebaseEdit, resolveRebase } from '@/lib/policy/rebase';
import type { PolicySettings } from '@/lib/policy/settings';

const base: PolicySettings = {
  mode: 'autopilot',
  trustedCommands: ['npm test'],
  telemetry: { enabled: true, usageStatisticsEnabled: true },
  mcpServers: { github: { command: 'npx', args: ['gh'] }, fetch: { command: 'uvx', args: ['fetch'] } },
};

describe('rebaseEdit: re-apply an edit on a newer version (issue 8, item 5)', () => {
  it('keeps both sides when they changed different fields', () => {
    const mine = { ...base, trustedCommands: ['npm test', 'npm run lint'] };
    const theirs = { ...base, mode: 'supervised' as const, telemetry: { enabled: false, usageStatisticsEnabled: true } };
    const result = rebaseEdit(base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.merged).toEqual({ ...base, mode: 'supervised', trustedCommands: ['npm test', 'npm run lint'], telemetry: { enabled: false, usageStatisticsEnabled: true } });
    expect(result.fromMine).toEqual(['trustedCommands']);
  });

  it('merges telemetry keys and MCP servers one by one', () => {
    const mine: PolicySettings = { ...base, telemetry: { enabled: false, usageStatisticsEnabled: true }, mcpServers: { ...base.mcpServers, linear: { url: 'https://mcp.linear.app/sse' } } };
    const theirs: PolicySettings = { ...base, telemetry: { enabled: true, usageStatisticsEnabled: false }, mcpServers: { github: base.mcpServers!.github! } };
    const result = rebaseEdit(base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.merged.telemetry).toEqual({ enabled: false, usageStatisticsEnabled: false });
    expect(result.merged.mcpServers).toEqual({ github: base.mcpServers!.github, linear: { url: 'https://mcp.linear.app/sse' } });
  });

  it('reports a field both changed differently as a conflict, decided for mine unless told otherwise', () => {
    const mine: PolicySettings = { ...base, trustedCommands: ['npm test', 'make'] };
    const theirs: PolicySettings = { ...base, trustedCommands: ['pnpm test'], mode: 'supervised' };
    const result = rebaseEdit(base, mine, theirs);
    expect(result.conflicts).toEqual([{ path: 'trustedCommands', label: 'Trusted commands', base: ['npm test'], mine: ['npm test', 'make'], theirs: ['pnpm test'] }]);
    expect(result.merged).toMatchObject({ mode: 'supervised', trustedCommands: ['npm test', 'make'] });
    expect(resolveRebase(result, new Set(['trustedCommands']), theirs)).toMatchObject({ mode: 'supervised', trustedCommands: ['pnpm test'] });
  });

  it('treats inheriting (a removed field) as a change, and the same change on both sides as no conflict', () => {
    const { mode: _mode, ...withoutMode } = base;
    const mine: PolicySettings = { ...withoutMode, trustedCommands: ['x'] };
    const theirs: PolicySettings = { ...base, trustedCommands: ['x'] };
    const result = rebaseEdit(base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.merged.mode).toBeUndefined();
    expect(result.merged.trustedCommands).toEqual(['x']);
  });

  it('reports an MCP server both sides changed, and removal against a change', () => {
    const mine: PolicySettings = { ...base, mcpServers: { fetch: base.mcpServers!.fetch! } };
    const theirs: PolicySettings = { ...base, mcpServers: { ...base.mcpServers, github: { command: 'npx', args: ['gh', '--read-only'] } } };
    const result = rebaseEdit(base, mine, theirs);
    expect(result.conflicts.map((c) => [c.path, c.label, c.mine])).toEqual([['mcpServers.github', 'MCP server “github”', undefined]]);
    expect(result.merged.mcpServers).toEqual({ fetch: base.mcpServers!.fetch });
    expect(resolveRebase(result, new Set(['mcpServers.github']), theirs).mcpServers).toEqual({ fetch: base.mcpServers!.fetch, github: { command: 'npx', args: ['gh', '--read-only'] } });
  });
});
