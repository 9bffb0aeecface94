import { describe, expect, it } from 'vitest';
import { exportPolicy, FORMAT_IDS, FORMATS, isFormatId, type ExportContext, type FormatId } from '@/lib/formats';
import { completeSettings } from '@/lib/policy/merge';
import type { CompleteSettings, PolicySettings } from '@/lib/policy/settings';

const dev: ExportContext = { templateName: 'Dev', version: 1, environment: 'development' };
const prod: ExportContext = { ...dev, environment: 'production' };
const text = (format: FormatId, settings: PolicySettings, context = dev) => new TextDecoder().decode(exportPolicy(format, completeSettings(settings), context).bytes);
const json = (format: FormatId, settings: PolicySettings, context = dev) => JSON.parse(text(format, settings, context)) as Record<string, unknown>;

const servers: CompleteSettings['mcpServers'] = {
  zeta: { url: 'https://api.example.com/mcp', headers: { b: '2', Authorization: 'Bearer ${API_TOKEN}' }, disabled: true },
  '10': { command: 'npx', args: ['-y', 'srv'], env: { '2': 'two', '10': 'ten', A: '${A}' }, autoApprove: ['search'], disabledTools: ['delete'] },
  alpha: { command: 'uvx', disabled: false },
};

describe('catalog', () => {
  it('has every format with a file name, a content type and a location per system', () => {
    expect(Object.keys(FORMATS)).toEqual([...FORMAT_IDS]);
    for (const id of FORMAT_IDS) {
      const info = FORMATS[id];
      expect(info.id).toBe(id);
      expect(info.whereItGoes).not.toContain('\n');
      expect(Object.values(info.locations).every(Boolean)).toBe(true);
    }
    expect(isFormatId('gemini-cli')).toBe(true);
    expect(isFormatId('gemini')).toBe(false);
  });

  it('exportPolicy returns bytes with the format’s file name and content type', () => {
    const file = exportPolicy('claude-code', completeSettings({}), dev);
    expect(file.fileName).toBe('managed-settings.json');
    expect(file.contentType).toBe('application/json; charset=utf-8');
    expect(exportPolicy('gitignore', completeSettings({}), dev).contentType).toBe('text/plain; charset=utf-8');
  });
});

describe('every text export', () => {
  it('uses \\n line endings, 2-space JSON and a trailing newline', () => {
    for (const format of FORMAT_IDS.filter((id) => id !== 'bundle')) {
      const out = text(format, { gitignore: ['.env'], network: { allowedDomains: ['example.com'] }, mcpServers: servers });
      expect(out.endsWith('\n'), format).toBe(true);
      expect(out.includes('\r'), format).toBe(false);
      if (FORMATS[format].contentType.startsWith('application/json')) {
        expect(out.split('\n').every((line) => /^( {2})*(\S|$)/.test(line)), format).toBe(true);
        expect(out.startsWith('{\n  "'), format).toBe(true);
      }
    }
  });
});

describe('kiro-project / kiro-global', () => {
  it('writes the seed’s keys in a fixed order, servers and env sorted by code unit', () => {
    const out = text('kiro-project', { sandbox: 'docker', excludeTools: ['run_shell_command'], mcpServers: servers });
    expect(Object.keys(JSON.parse(out))).toEqual(['telemetry', 'usageStatisticsEnabled', 'sandbox', 'autoAccept', 'coreTools', 'excludeTools', 'mcpServers']);
    // Integer-like names ("10") are written in code-unit order too, not first as JS objects would.
    expect(out.indexOf('"10": {')).toBeLessThan(out.indexOf('"alpha"'));
    expect(out.indexOf('"alpha"')).toBeLessThan(out.indexOf('"zeta"'));
    expect(out.indexOf('"10": "ten"')).toBeLessThan(out.indexOf('"2": "two"'));
    expect(out).toContain('"command": "npx",\n      "args": [\n        "-y",\n        "srv"\n      ],\n      "env": {');
    expect(out).toContain('"url": "https://api.example.com/mcp",\n      "headers": {\n        "Authorization": "Bearer ${API_TOKEN}",\n        "b": "2"\n      },\n      "disabled": true');
    expect(json('kiro-project', {})).toMatchObject({ telemetry: { enabled: false }, usageStatisticsEnabled: false, sandbox: false, coreTools: ['all'], mcpServers: {} });
  });

  it('leaves MCP servers out of the global file', () => {
    const global = json('kiro-global', { mcpServers: servers, telemetry: { enabled: true } });
    expect(global).not.toHaveProperty('mcpServers');
    expect(global).toMatchObject({ telemetry: { enabled: true }, usageStatisticsEnabled: false });
  });

  it('writes mcp.json with the servers only', () => {
    expect(Object.keys(json('kiro-mcp', { mcpServers: servers }))).toEqual(['mcpServers']);
    expect(text('kiro-mcp', {})).toBe('{\n  "mcpServers": {}\n}\n');
  });
});

describe('kiro-ide', () => {
  it('writes agentAutonomy, trustedCommands and commandDenylist as they are', () => {
    expect(json('kiro-ide', { mode: 'autopilot', trustedCommands: ['npm test', 'npm *', '*'], deniedCommands: ['rm -rf'] })).toEqual({
      'kiroAgent.agentAutonomy': 'Autopilot',
      'kiroAgent.trustedCommands': ['npm test', 'npm *', '*'],
      'kiroAgent.commandDenylist': ['rm -rf'],
    });
    expect(json('kiro-ide', {})['kiroAgent.agentAutonomy']).toBe('Supervised');
  });
});

describe('gemini-cli', () => {
  const base: PolicySettings = {
    mode: 'autopilot',
    trustedCommands: ['npm test', 'npm run *', 'make*', '*', 'npm test *'],
    deniedCommands: ['rm -rf', 'git push *'],
    excludeTools: ['web_fetch'],
    coreTools: ['all'],
    mcpServers: servers,
    telemetry: { enabled: true, usageStatisticsEnabled: false },
  };

  it('maps to v2 nested keys in a fixed order', () => {
    const out = json('gemini-cli', base);
    expect(Object.keys(out)).toEqual(['general', 'tools', 'mcp', 'mcpServers', 'privacy', 'telemetry']);
    expect(out.general).toEqual({ defaultApprovalMode: 'auto_edit' });
    expect(out.privacy).toEqual({ usageStatisticsEnabled: false });
    expect(out.telemetry).toEqual({ enabled: true });
    expect(json('gemini-cli', { mode: 'supervised' }).general).toEqual({ defaultApprovalMode: 'default' });
  });

  it('turns trusted commands into run_shell_command prefixes and denied ones into exclusions', () => {
    const tools = json('gemini-cli', base).tools as Record<string, unknown>;
    expect(Object.keys(tools)).toEqual(['sandbox', 'autoAccept', 'exclude', 'allowed']);
    // Gemini matches prefixes: "npm test" and "npm test *" are the same rule there.
    expect(tools.allowed).toEqual(['run_shell_command(npm test)', 'run_shell_command(npm run)', 'run_shell_command(make)', 'run_shell_command']);
    expect(tools.exclude).toEqual(['web_fetch', 'run_shell_command(rm -rf)', 'run_shell_command(git push)']);
  });

  it('writes tools.core only for an explicit list (Gemini has no "all")', () => {
    expect((json('gemini-cli', { coreTools: ['read_file', 'run_shell_command(git)'] }).tools as Record<string, unknown>).core).toEqual(['read_file', 'run_shell_command(git)']);
    expect((json('gemini-cli', { coreTools: [] }).tools as Record<string, unknown>).core).toEqual([]);
    expect(json('gemini-cli', { coreTools: ['all', 'x'] }).tools).not.toHaveProperty('core');
  });

  it('excludes every shell command with the bare tool name when "*" is denied', () => {
    expect((json('gemini-cli', { deniedCommands: ['sudo', '*'] }).tools as Record<string, unknown>).exclude).toEqual(['run_shell_command', 'run_shell_command(sudo)']);
  });

  it('writes MCP servers in Gemini’s shape: httpUrl, excludeTools, mcp.excluded, no autoApprove', () => {
    const out = json('gemini-cli', base);
    expect(out.mcp).toEqual({ excluded: ['zeta'] });
    expect(out.mcpServers).toEqual({
      '10': { command: 'npx', args: ['-y', 'srv'], env: { '10': 'ten', '2': 'two', A: '${A}' }, excludeTools: ['delete'] },
      alpha: { command: 'uvx' },
      zeta: { httpUrl: 'https://api.example.com/mcp', headers: { Authorization: 'Bearer ${API_TOKEN}', b: '2' } },
    });
    expect(json('gemini-cli', {})).not.toHaveProperty('mcp');
  });

  it('turns YOLO mode off for production teams', () => {
    expect(json('gemini-cli', {}, prod).security).toEqual({ disableYoloMode: true });
    expect(json('gemini-cli', {}, dev)).not.toHaveProperty('security');
  });
});

describe('claude-code', () => {
  it('writes Bash rules: exact, word prefix (:*), raw prefix, everything', () => {
    const out = json('claude-code', { trustedCommands: ['npm test', 'npm run test *', 'npm test:*', 'ls*', '*', 'npm test'] });
    expect((out.permissions as Record<string, unknown>).allow).toEqual(['Bash(npm test)', 'Bash(npm run test:*)', 'Bash(npm test:*)', 'Bash(ls*)', 'Bash']);
  });

  it('denies each command as a prefix rule and a substring rule, and excluded tools by name', () => {
    const out = json('claude-code', { deniedCommands: ['rm -rf', 'sudo *'], excludeTools: ['web_fetch', 'run_shell_command', 'custom'] });
    expect((out.permissions as Record<string, unknown>).deny).toEqual(['Bash', 'WebFetch', 'Bash(rm -rf:*)', 'Bash(*rm -rf*)', 'Bash(sudo:*)', 'Bash(*sudo*)']);
  });

  it('maps the mode to defaultMode and adds disableBypassPermissionsMode for production', () => {
    const permissions = (settings: PolicySettings, context: ExportContext) => json('claude-code', settings, context).permissions as Record<string, unknown>;
    expect(permissions({ mode: 'autopilot', autoAccept: true }, dev)).toMatchObject({ defaultMode: 'acceptEdits' });
    expect(permissions({ mode: 'supervised' }, dev)).toMatchObject({ defaultMode: 'default' });
    expect(permissions({}, dev)).not.toHaveProperty('disableBypassPermissionsMode');
    expect(permissions({}, prod)).toMatchObject({ disableBypassPermissionsMode: 'disable' });
    expect(Object.keys(permissions({}, prod))).toEqual(['allow', 'deny', 'defaultMode', 'disableBypassPermissionsMode']);
  });

  it('enforces telemetry through the managed env, both ways', () => {
    expect(json('claude-code', { telemetry: { enabled: false, usageStatisticsEnabled: false } }).env).toEqual({
      CLAUDE_CODE_ENABLE_TELEMETRY: '0',
      DISABLE_ERROR_REPORTING: '1',
      DISABLE_TELEMETRY: '1',
    });
    expect(json('claude-code', { telemetry: { enabled: true, usageStatisticsEnabled: true } }).env).toEqual({
      CLAUDE_CODE_ENABLE_TELEMETRY: '1',
      DISABLE_ERROR_REPORTING: '0',
      DISABLE_TELEMETRY: '0',
    });
  });

  it('writes nothing it cannot express', () => {
    const out = text('claude-code', { sandbox: 'docker', autoAccept: true, mcpServers: servers, gitignore: ['.env'] });
    expect(Object.keys(JSON.parse(out))).toEqual(['$schema', 'permissions', 'env']);
    expect(out).not.toMatch(/docker|mcp|\.env/);
  });
});

describe('gitignore and firewall', () => {
  it('write one entry per line and nothing for an empty list', () => {
    expect(text('gitignore', { gitignore: ['.env', '*.log'] })).toBe('.env\n*.log\n');
    expect(text('gitignore', {})).toBe('');
    expect(text('firewall', { network: { allowedDomains: ['a.example.com', '*.example.org', 'a.example.com'] } })).toBe('a.example.com\n*.example.org\n');
    expect(text('firewall', {})).toBe('');
  });
});
