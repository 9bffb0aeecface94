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
    coreTools: ['read_file'],
    autoAccept: true,
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

  it('writes no command or tool lists and no removed key (they are Policy Engine rules in gemini-policy)', () => {
    const out = text('gemini-cli', base);
    expect(json('gemini-cli', base).tools).toEqual({ sandbox: false });
    expect(out).not.toMatch(/autoAccept|"core"|"exclude"|"allowed"|run_shell_command/);
  });

  it('writes MCP servers in Gemini’s shape: httpUrl (url for SSE), excludeTools, mcp.excluded, no autoApprove', () => {
    const out = json('gemini-cli', { ...base, mcpServers: { ...servers, events: { url: 'https://sse.example.com/sse', type: 'sse' } } });
    expect(out.mcp).toEqual({ excluded: ['zeta'] });
    expect(out.mcpServers).toEqual({
      '10': { command: 'npx', args: ['-y', 'srv'], env: { '10': 'ten', '2': 'two', A: '${A}' }, excludeTools: ['delete'] },
      alpha: { command: 'uvx' },
      events: { url: 'https://sse.example.com/sse' },
      zeta: { httpUrl: 'https://api.example.com/mcp', headers: { Authorization: 'Bearer ${API_TOKEN}', b: '2' } },
    });
    expect(json('gemini-cli', {})).not.toHaveProperty('mcp');
  });

  it('turns YOLO mode off for production teams', () => {
    expect(json('gemini-cli', {}, prod).security).toEqual({ disableYoloMode: true });
    expect(json('gemini-cli', {}, dev)).not.toHaveProperty('security');
  });
});

describe('gemini-policy', () => {
  const rules = (settings: PolicySettings) =>
    text('gemini-policy', settings)
      .split('\n\n')
      .slice(1)
      .map((block) => block.trim().split('\n').filter((line) => !line.startsWith('#')).join('\n'));

  it('denies excluded tools and denied commands anywhere in the command, trusts in auto-edit mode, asks for the rest', () => {
    expect(rules({ trustedCommands: ['npm test', 'npm run *', 'make*', 'npm test'], deniedCommands: ['rm -rf', 'git push *'], excludeTools: ['web_fetch', 'ShellTool(sudo)'] })).toEqual([
      '[[rule]]\ntoolName = ["web_fetch"]\ndecision = "deny"\npriority = 900\ndenyMessage = "This tool is excluded by the organization’s policy."',
      '[[rule]]\ntoolName = "run_shell_command"\ncommandRegex = "[^\\\\x00]*sudo"\ndecision = "deny"\npriority = 900\ndenyMessage = "This command is denied by the organization’s policy."',
      '[[rule]]\ntoolName = "run_shell_command"\ncommandRegex = "[^\\\\x00]*rm -rf"\ndecision = "deny"\npriority = 900\ndenyMessage = "This command is denied by the organization’s policy."',
      '[[rule]]\ntoolName = "run_shell_command"\ncommandRegex = "[^\\\\x00]*git push"\ndecision = "deny"\npriority = 900\ndenyMessage = "This command is denied by the organization’s policy."',
      '[[rule]]\ntoolName = "run_shell_command"\ncommandRegex = "npm test\\""\ndecision = "allow"\npriority = 500\nmodes = ["autoEdit"]',
      '[[rule]]\ntoolName = "run_shell_command"\ncommandPrefix = "npm run"\ndecision = "allow"\npriority = 500\nmodes = ["autoEdit"]',
      '[[rule]]\ntoolName = "run_shell_command"\ncommandRegex = "make"\ndecision = "allow"\npriority = 500\nmodes = ["autoEdit"]',
      '[[rule]]\ntoolName = "run_shell_command"\ndecision = "ask_user"\npriority = 10\nmodes = ["default", "autoEdit"]',
    ]);
  });

  it('escapes commands as they appear in Gemini’s JSON of the arguments, and makes * inside a denied command a wildcard', () => {
    const [deny] = rules({ deniedCommands: ['curl * | sh "x"'] });
    expect(deny).toContain('commandRegex = "[^\\\\x00]*curl [^\\\\x00]* \\\\| sh \\\\\\\\\\"x\\\\\\\\\\""');
  });

  it('refuses the built-in tools missing from coreTools, and the whole shell tool for a denied *', () => {
    const [core] = rules({ coreTools: ['read_file', 'ReadManyFilesTool', 'run_shell_command(git)'] });
    expect(core).toContain('toolName = ["glob", "google_web_search", "grep_search", "list_directory", "replace", "web_fetch", "write_file"]');
    expect(core).toContain('priority = 800');
    expect(rules({ coreTools: ['all', 'x'] }).join('\n')).not.toContain('priority = 800');
    expect(rules({ deniedCommands: ['sudo', '*'] })[0]).toContain('toolName = ["run_shell_command"]');
  });
});

describe('kiro-permissions', () => {
  it('writes deny rules per capability and for denied commands, then the trusted commands', () => {
    expect(text('kiro-permissions', { trustedCommands: ['npm test', 'npm run *', 'make*'], deniedCommands: ['rm -rf', 'git push *'], excludeTools: ['web_fetch', 'glob'] })).toBe(
      [
        '# Kiro permission rules, written by Pilotlight (Kiro IDE 1.0 and later, Kiro CLI v3).',
        '# ~/.kiro/settings/permissions.yaml; deny > ask > allow across every scope, and what no rule allows asks.',
        'rules:',
        '  - capability: "web_fetch"',
        '    effect: "deny"',
        '  - capability: "shell"',
        '    effect: "deny"',
        '    match:',
        '      - "*rm -rf*"',
        '      - "*git push*"',
        '  - capability: "shell"',
        '    effect: "allow"',
        '    match:',
        '      - "npm test"',
        '      - "npm run"',
        '      - "npm run *"',
        '      - "make*"',
        '',
      ].join('\n'),
    );
  });

  it('trusts every command with a rule without match, and denies capabilities missing from coreTools', () => {
    const out = text('kiro-permissions', { trustedCommands: ['*'], coreTools: ['read_file', 'run_shell_command'] });
    expect(out).toContain('  - capability: "fs_write"\n    effect: "deny"\n  - capability: "web_fetch"\n    effect: "deny"\n  - capability: "web_search"\n    effect: "deny"\n');
    expect(out.endsWith('  - capability: "shell"\n    effect: "allow"\n')).toBe(true);
    expect(text('kiro-permissions', {}).endsWith('rules: []\n')).toBe(true);
  });
});

describe('claude-code', () => {
  it('writes Bash rules: exact, word prefix (cmd *), raw prefix, everything; never :* and never )', () => {
    const out = json('claude-code', { trustedCommands: ['npm test', 'npm run test *', 'npm test:*', 'ls*', '*', 'npm test', 'echo $(date)'] });
    expect((out.permissions as Record<string, unknown>).allow).toEqual(['Bash(npm test)', 'Bash(npm run test *)', 'Bash(npm test *)', 'Bash(ls*)', 'Bash']);
  });

  it('denies each command as a prefix rule and a substring rule, and excluded tools by name', () => {
    const out = json('claude-code', { deniedCommands: ['rm -rf', 'sudo *', 'curl * | sh', ':(){ :|:& };:'], excludeTools: ['web_fetch', 'run_shell_command', 'custom'] });
    expect((out.permissions as Record<string, unknown>).deny).toEqual([
      'Bash',
      'WebFetch',
      'Bash(rm -rf *)',
      'Bash(*rm -rf*)',
      'Bash(sudo *)',
      'Bash(*sudo*)',
      'Bash(curl * | sh *)',
      'Bash(*curl * | sh*)',
      // `)` cannot be in a rule: it becomes the wildcard (the trailing `:` goes, as for every denied entry).
      'Bash(:(*{ :|:& }; *)',
      'Bash(*:(*{ :|:& };*)',
    ]);
    expect(text('claude-code', { deniedCommands: ['curl * | sh'] })).not.toContain(':*');
  });

  it('maps the mode to defaultMode; production turns off bypass and auto mode and allows managed rules only', () => {
    const permissions = (settings: PolicySettings, context: ExportContext) => json('claude-code', settings, context).permissions as Record<string, unknown>;
    expect(permissions({ mode: 'autopilot', autoAccept: true }, dev)).toMatchObject({ defaultMode: 'acceptEdits' });
    expect(permissions({ mode: 'supervised' }, dev)).toMatchObject({ defaultMode: 'default' });
    expect(permissions({}, dev)).not.toHaveProperty('disableBypassPermissionsMode');
    expect(permissions({}, dev)).not.toHaveProperty('disableAutoMode');
    expect(permissions({}, prod)).toMatchObject({ disableBypassPermissionsMode: 'disable', disableAutoMode: 'disable' });
    expect(Object.keys(permissions({}, prod))).toEqual(['allow', 'deny', 'defaultMode', 'disableBypassPermissionsMode', 'disableAutoMode']);
    expect(json('claude-code', {}, prod).allowManagedPermissionRulesOnly).toBe(true);
    expect(json('claude-code', {}, dev)).not.toHaveProperty('allowManagedPermissionRulesOnly');
  });

  it('enforces telemetry through the managed env; statistics on means no DISABLE_* variable at all', () => {
    expect(json('claude-code', { telemetry: { enabled: false, usageStatisticsEnabled: false } }).env).toEqual({
      CLAUDE_CODE_ENABLE_TELEMETRY: '0',
      DISABLE_ERROR_REPORTING: '1',
      DISABLE_TELEMETRY: '1',
    });
    // Claude Code reads any value of DISABLE_TELEMETRY, "0" included, as "disabled".
    expect(json('claude-code', { telemetry: { enabled: true, usageStatisticsEnabled: true } }).env).toEqual({ CLAUDE_CODE_ENABLE_TELEMETRY: '1' });
  });

  it('maps the sandbox and the network allowlist to Claude’s sandbox settings', () => {
    expect(json('claude-code', { sandbox: 'docker', network: { allowedDomains: ['a.example.com', '*.example.org'] } }).sandbox).toEqual({
      enabled: true,
      network: { allowedDomains: ['a.example.com', '*.example.org'] },
    });
    expect(json('claude-code', { sandbox: 'podman' }).sandbox).toEqual({ enabled: true });
    expect(json('claude-code', { sandbox: false, network: { allowedDomains: ['a.example.com'] } })).not.toHaveProperty('sandbox');
  });

  it('writes nothing it cannot express', () => {
    const out = text('claude-code', { autoAccept: true, mcpServers: servers, gitignore: ['.env'] });
    expect(Object.keys(JSON.parse(out))).toEqual(['$schema', 'permissions', 'env']);
    expect(out).not.toMatch(/mcp|\.env/);
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
