import { describe, expect, it } from 'vitest';
import { importPolicy, type ImportResult } from '@/lib/formats';
import { policySettingsSchema } from '@/lib/policy/settings';

const bytes = (text: string) => new TextEncoder().encode(text);
function load(content: unknown, options: { fileName?: string; format?: string } = {}): ImportResult {
  const result = importPolicy({ bytes: bytes(typeof content === 'string' ? content : JSON.stringify(content)), ...options });
  expect(policySettingsSchema.safeParse(result.settings).success).toBe(true);
  return result;
}
const warning = (result: ImportResult, text: string) => result.warnings.find((item) => item.includes(text));

describe('kiro-project (the seed’s .kiro/settings.json)', () => {
  it('imports the seed’s examples', () => {
    expect(load({ telemetry: { enabled: false }, usageStatisticsEnabled: false })).toEqual({
      format: 'kiro-project',
      settings: { telemetry: { enabled: false, usageStatisticsEnabled: false } },
      warnings: [],
      droppedControls: [],
    });
    expect(load({ sandbox: 'docker', autoAccept: false, excludeTools: ['run_shell_command'] }).settings).toEqual({ sandbox: 'docker', autoAccept: false, excludeTools: ['run_shell_command'] });
    expect(load({ mcpServers: { github: { env: { GITHUB_TOKEN: '${GITHUB_TOKEN}' }, command: 'npx' } }, coreTools: ['all'] }).settings).toEqual({
      coreTools: ['all'],
      mcpServers: { github: { command: 'npx', env: { GITHUB_TOKEN: '${GITHUB_TOKEN}' } } },
    });
  });

  it('warns about what it cannot hold and keeps the rest', () => {
    const result = load({ sandbox: 'sandbox-exec', autoAccept: 'yes', coreTools: ['read_file', ' ', 7], theme: 'dark' }, { format: 'kiro-project' });
    expect(result.settings).toEqual({ coreTools: ['read_file'] });
    expect(warning(result, 'sandbox: "sandbox-exec" is not a sandbox')).toBeDefined();
    expect(warning(result, 'autoAccept: expected true or false')).toBeDefined();
    expect(warning(result, 'coreTools[1]: " " was not imported')).toBeDefined();
    expect(warning(result, 'coreTools[2]: expected a string, found 7')).toBeDefined();
    expect(warning(result, 'theme: not a key of the seed')).toBeDefined();
  });

  it('kiro-global reads the same keys, servers included', () => {
    const result = load({ telemetry: { enabled: true }, mcpServers: { a: { command: 'x' } } }, { format: 'kiro-global' });
    expect(result).toMatchObject({ format: 'kiro-global', settings: { telemetry: { enabled: true }, mcpServers: { a: { command: 'x' } } } });
  });
});

describe('MCP servers', () => {
  it('imports Kiro’s fields and reports the others with their path', () => {
    const result = load(
      {
        mcpServers: {
          local: { command: 'cmd', args: ['a'], env: { K1: 'literal', K2: '${EXPANDED}', N: 1 }, disabled: false, autoApprove: ['tool1'], disabledTools: ['tool3'], cwd: '/tmp', timeout: 5 },
          remote: { url: 'https://api.example.com/mcp', headers: { Authorization: 'Bearer ${API_TOKEN}' }, type: 'http', trust: true },
          'bad name': { command: 'x' },
          both: { command: 'x', url: 'https://x.example.com' },
          relative: { url: 'not a url' },
        },
      },
      { fileName: 'mcp.json' },
    );
    expect(result.format).toBe('kiro-mcp');
    expect(result.settings.mcpServers).toEqual({
      local: { command: 'cmd', args: ['a'], env: { K1: 'literal', K2: '${EXPANDED}' }, disabled: false, autoApprove: ['tool1'], disabledTools: ['tool3'] },
      remote: { url: 'https://api.example.com/mcp', headers: { Authorization: 'Bearer ${API_TOKEN}' }, type: 'http' },
    });
    for (const text of [
      'mcpServers.local.env.N: expected a string',
      'mcpServers.local.cwd: the policy has no working directory',
      'mcpServers.local.timeout: the policy has no timeout',
      'mcpServers.remote.trust: trust approves every tool',
      'mcpServers["bad name"]: the server name',
      'mcpServers.both: not imported: An MCP server needs either a command',
      'mcpServers.relative: not imported: Use an absolute http(s) URL.',
    ]) {
      expect(warning(result, text), text).toBeDefined();
    }
  });
});

describe('kiro-ide', () => {
  it('reads the kiroAgent keys of a VS Code settings file with comments, and reports the rest', () => {
    const text = '// Place your settings here\n{\n  "editor.fontSize": 14, /* inline */\n  "kiroAgent.agentAutonomy": "Supervised",\n  "kiroAgent.trustedCommands": ["npm test", "git *", "  "],\n  "kiroAgent.commandDenylist": ["--force"],\n  "kiroAgent.modelSelection": "auto"\n}\n';
    const result = load(text, { fileName: 'settings.json' });
    expect(result.format).toBe('kiro-ide');
    expect(result.settings).toEqual({ mode: 'supervised', trustedCommands: ['npm test', 'git *'], deniedCommands: ['--force'] });
    expect(result.warnings).toEqual([
      'editor.fontSize: not part of the policy; not imported.',
      'kiroAgent.modelSelection: not part of the policy; not imported.',
      'kiroAgent.trustedCommands[2]: "  " was not imported: A command cannot be empty.',
    ]);
  });

  it('rejects an unknown autonomy value with a warning', () => {
    const result = load({ 'kiroAgent.agentAutonomy': 'Turbo' });
    expect(result.settings).toEqual({});
    expect(result.warnings[0]).toMatch(/^kiroAgent\.agentAutonomy: expected "Autopilot" or "Supervised"/);
  });
});

describe('gemini-cli', () => {
  it('reads v2 nested keys', () => {
    const result = load({
      general: { defaultApprovalMode: 'auto_edit' },
      tools: { sandbox: 'podman', autoAccept: true, core: ['read_file'], exclude: ['web_fetch', 'run_shell_command(rm -rf)', 'ShellTool(sudo)'], allowed: ['run_shell_command(npm test)', 'run_shell_command'] },
      mcp: { excluded: ['gh'] },
      mcpServers: { gh: { command: 'npx', excludeTools: ['delete'] }, web: { httpUrl: 'https://mcp.example.com' } },
      privacy: { usageStatisticsEnabled: false },
      telemetry: { enabled: true },
    });
    expect(result).toEqual({
      format: 'gemini-cli',
      settings: {
        mode: 'autopilot',
        sandbox: 'podman',
        autoAccept: true,
        coreTools: ['read_file'],
        // Gemini matches prefixes, so its entries come back as prefix rules.
        trustedCommands: ['npm test *', '*'],
        deniedCommands: ['rm -rf', 'sudo'],
        excludeTools: ['web_fetch'],
        telemetry: { enabled: true, usageStatisticsEnabled: false },
        mcpServers: { gh: { command: 'npx', disabledTools: ['delete'], disabled: true }, web: { url: 'https://mcp.example.com' } },
      },
      warnings: [
        expect.stringMatching(/^tools\.autoAccept: .*removed in Gemini CLI 0\.28/),
        expect.stringMatching(/^tools\.core: .*deprecated/),
        expect.stringMatching(/^tools\.exclude: .*deprecated/),
        expect.stringMatching(/^tools\.allowed: .*deprecated/),
      ],
      droppedControls: [],
    });
  });

  it('reads the flat v1 keys (Gemini’s MIGRATION_MAP)', () => {
    const result = load({
      coreTools: ['read_file'],
      excludeTools: ['run_shell_command(rm -rf)', 'web_fetch'],
      allowedTools: ['run_shell_command(git status)', 'read_file'],
      autoAccept: true,
      sandbox: true,
      usageStatisticsEnabled: false,
      theme: 'Dracula',
      allowMCPServers: ['github'],
      excludeMCPServers: ['github', 'missing'],
      mcpServers: { github: { command: 'npx', trust: true, includeTools: ['a'], cwd: '.', timeout: 5 } },
    });
    expect(result.format).toBe('gemini-cli');
    expect(result.settings).toEqual({
      trustedCommands: ['git status *'],
      deniedCommands: ['rm -rf'],
      excludeTools: ['web_fetch'],
      coreTools: ['read_file'],
      autoAccept: true,
      sandbox: 'docker',
      telemetry: { usageStatisticsEnabled: false },
      mcpServers: { github: { command: 'npx', disabled: true } },
    });
    for (const text of [
      'allowedTools[1]: "read_file" auto-approves a tool other than the shell',
      'sandbox: true lets the tool choose docker or podman; imported as "docker"',
      'theme: not part of the policy',
      'allowMCPServers: an allowlist of MCP servers',
      'excludeMCPServers[1]: "missing" is not a server defined in this file',
      'mcpServers.github.trust:',
      'mcpServers.github.includeTools:',
      'mcpServers.github.cwd:',
      'mcpServers.github.timeout:',
    ]) {
      expect(warning(result, text), text).toBeDefined();
    }
  });

  it('prefers v2 over v1 and reports what it ignored', () => {
    const result = load({ tools: { sandbox: 'docker' }, sandbox: false, mcp: { allowed: ['x'] }, security: { disableYoloMode: true }, telemetry: { enabled: false, target: 'gcp', logPrompts: true, otlpEndpoint: 'http://x' }, ui: {} });
    expect(result.settings).toEqual({ sandbox: 'docker', telemetry: { enabled: false } });
    for (const text of ['sandbox: the v1 key is ignored because tools.sandbox is also set', 'mcp.allowed:', 'security.disableYoloMode: written by Pilotlight', 'telemetry.target:', 'telemetry.logPrompts:', 'telemetry.otlpEndpoint:', 'ui: not part of the policy']) {
      expect(warning(result, text), text).toBeDefined();
    }
  });

  it('maps approval modes, with a warning for those the policy has not', () => {
    const mode = (value: string) => load({ general: { defaultApprovalMode: value } });
    expect(mode('default').settings.mode).toBe('supervised');
    expect(mode('plan')).toMatchObject({ settings: { mode: 'supervised' }, warnings: [expect.stringContaining('"plan"')] });
    expect(mode('yolo')).toMatchObject({ settings: { mode: 'autopilot' }, warnings: [expect.stringContaining('"yolo"')] });
    expect(mode('fast')).toMatchObject({ settings: {}, warnings: [expect.stringContaining('"fast" is not an approval mode')] });
  });

  it('keeps an SSE url as an SSE server and prefers httpUrl', () => {
    const result = load({ mcpServers: { a: { url: 'https://a.example.com/sse' }, b: { url: 'https://b.example.com/sse', httpUrl: 'https://b.example.com/mcp' } } }, { format: 'gemini-cli' });
    expect(result.settings.mcpServers).toEqual({ a: { url: 'https://a.example.com/sse', type: 'sse' }, b: { url: 'https://b.example.com/mcp' } });
    expect(warning(result, 'mcpServers.b.url: both url (SSE) and httpUrl are set')).toBeDefined();
    // Kiro's `type: "sse"` survives too, so the Gemini export can write `url` rather than `httpUrl`.
    expect(load({ mcpServers: { s: { url: 'https://s.example.com/sse', type: 'sse' } } }, { fileName: 'mcp.json' }).settings.mcpServers).toEqual({ s: { url: 'https://s.example.com/sse', type: 'sse' } });
  });

  it('says that deprecated, removed and v1 keys have no effect in current Gemini CLI', () => {
    const result = load({ tools: { autoAccept: true, exclude: ['run_shell_command(rm -rf)'] }, coreTools: ['read_file'] }, { format: 'gemini-cli' });
    expect(result.settings).toMatchObject({ autoAccept: true, deniedCommands: ['rm -rf'], coreTools: ['read_file'] });
    expect(warning(result, 'tools.autoAccept: tools.autoAccept was removed in Gemini CLI 0.28')).toBeDefined();
    expect(warning(result, 'tools.exclude: tools.exclude is deprecated')).toBeDefined();
    expect(warning(result, 'coreTools: a Gemini CLI v1 key: Gemini CLI has ignored v1 keys since 0.25')).toBeDefined();
  });
});

describe('claude-code', () => {
  it('reads every Bash rule spelling', () => {
    const result = load({
      permissions: { allow: ['Bash(npm run test:*)', 'Bash(npm test *)', 'Bash(npm test)', 'Bash(ls*)', 'Bash', 'Bash(*)', 'Bash( git status )'] },
    });
    expect(result.settings.trustedCommands).toEqual(['npm run test *', 'npm test *', 'npm test', 'ls*', '*', 'git status']);
    expect(result.warnings).toEqual([]);
  });

  it('reads deny rules as substrings and tool exclusions', () => {
    const result = load({ permissions: { deny: ['Bash(rm -rf:*)', 'Bash(*rm -rf*)', 'Bash(sudo)', 'Bash(git push *)', 'Write', 'WebFetch', 'Bash', 'Read(./.env)'] } }, { fileName: 'managed-settings.json' });
    expect(result.settings).toEqual({ deniedCommands: ['rm -rf', 'sudo', 'git push'], excludeTools: ['write_file', 'web_fetch', 'run_shell_command'] });
    expect(warning(result, 'permissions.deny[2]: Claude Code refuses only this exact command')).toBeDefined();
    expect(warning(result, 'permissions.deny[7]: "Read(./.env)" has no place in the policy')).toBeDefined();
  });

  it('warns about non-Bash rules, ask rules, mid-command wildcards and other settings', () => {
    const result = load({
      $schema: 'https://json.schemastore.org/claude-code-settings.json',
      permissions: { allow: ['Read(./src/**)', 'WebFetch(domain:example.com)', 'mcp__github__create_issue', 'Bash(git * main)'], ask: ['Bash(git push:*)'], additionalDirectories: ['../docs'] },
      hooks: {},
      model: 'opus',
    });
    expect(result.settings.trustedCommands).toEqual(['git * main']);
    for (const text of [
      'permissions.allow[0]: "Read(./src/**)" is not a Bash rule',
      'permissions.allow[1]: "WebFetch(domain:example.com)" is not a Bash rule',
      'permissions.allow[2]: "mcp__github__create_issue" is not a Bash rule',
      'permissions.allow[3]: a * inside the command is a wildcard in Claude Code',
      'permissions.ask[0]: "Bash(git push:*)": the policy has no "ask" list',
      'permissions.additionalDirectories:',
      'hooks: a Claude Code control the policy does not hold',
      'model: a Claude Code setting the policy does not hold',
    ]) {
      expect(warning(result, text), text).toBeDefined();
    }
  });

  it('maps defaultMode and the telemetry env', () => {
    expect(load({ permissions: { defaultMode: 'acceptEdits' } }).settings.mode).toBe('autopilot');
    expect(load({ permissions: { defaultMode: 'default' } }).settings.mode).toBe('supervised');
    expect(load({ permissions: { defaultMode: 'plan' } })).toMatchObject({ settings: { mode: 'supervised' }, warnings: [expect.stringContaining('"plan"')] });
    expect(load({ permissions: { defaultMode: 'bypassPermissions' } })).toMatchObject({ settings: { mode: 'autopilot' }, warnings: [expect.stringContaining('bypassPermissions')] });
    expect(load({ env: { CLAUDE_CODE_ENABLE_TELEMETRY: '1', DISABLE_TELEMETRY: 'true' } }).settings.telemetry).toEqual({ enabled: true, usageStatisticsEnabled: false });
    expect(load({ env: { CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' } })).toMatchObject({ settings: { telemetry: { usageStatisticsEnabled: false } }, warnings: [expect.stringContaining('auto-updates')] });
    const mixed = load({ env: { DISABLE_TELEMETRY: '1', DISABLE_ERROR_REPORTING: '0', OTEL_METRICS_EXPORTER: 'otlp', CLAUDE_CODE_ENABLE_TELEMETRY: 'maybe' } });
    expect(mixed.settings).toEqual({ telemetry: { usageStatisticsEnabled: false } });
    // Claude Code treats any value as set: "0" disables too.
    expect(warning(mixed, 'env.DISABLE_ERROR_REPORTING: "0" still turns it off')).toBeDefined();
    expect(warning(mixed, 'env.OTEL_METRICS_EXPORTER:')).toBeDefined();
    expect(warning(mixed, 'env.CLAUDE_CODE_ENABLE_TELEMETRY: expected "1" or "0"')).toBeDefined();
  });

  it('reads presence of an opt-out as "off", no opt-out as "on", and numeric values as Claude does', () => {
    expect(load({ env: { DISABLE_TELEMETRY: '0' } }).settings.telemetry).toEqual({ usageStatisticsEnabled: false });
    expect(load({ env: { CLAUDE_CODE_ENABLE_TELEMETRY: '0' } }).settings.telemetry).toEqual({ enabled: false, usageStatisticsEnabled: true });
    const numeric = load({ env: { CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: 1, CLAUDE_CODE_ENABLE_TELEMETRY: 1 } });
    expect(numeric.settings.telemetry).toEqual({ enabled: true, usageStatisticsEnabled: false });
    expect(numeric.warnings.some((text) => text.includes('expected'))).toBe(false);
  });

  it('reads the sandbox and its network allowlist', () => {
    const result = load({ sandbox: { enabled: true, network: { allowedDomains: ['api.example.com', '*.example.org'], deniedDomains: ['evil.example.com'] } } }, { fileName: 'managed-settings.json' });
    expect(result.settings).toEqual({ sandbox: 'docker', network: { allowedDomains: ['api.example.com', '*.example.org'] } });
    expect(result.droppedControls).toEqual([expect.objectContaining({ path: 'sandbox.network.deniedDomains', impact: 'high' })]);
  });

  it('notes the production switch it does not store', () => {
    const result = load({ permissions: { disableBypassPermissionsMode: 'disable' } });
    expect(result.warnings).toEqual(['permissions.disableBypassPermissionsMode: written by Pilotlight for production teams from the team’s environment; not stored in the policy.']);
  });
});

describe('gitignore and firewall', () => {
  it('reads a .gitignore (BOM, CRLF, comments, blank lines)', () => {
    const result = load('\ufeff# secrets\r\n.env\r\n\r\n*.log\r\n[Bb]in/\r\n', { fileName: '.gitignore' });
    expect(result).toEqual({
      format: 'gitignore',
      settings: { gitignore: ['.env', '*.log', '[Bb]in/'] },
      warnings: ['1 comment line was not imported (the policy holds the entries only).'],
      droppedControls: [],
    });
  });

  it('reads a domain list, taking host names from URLs and dropping ports and non-domains', () => {
    const result = load('# firewall\nExample.COM\nhttps://api.example.com/v1\nproxy.example.com:8080\nnot a domain\n*.example.org # wildcard\nexample.com\nq.*.amazonaws.com\n', { fileName: 'firewall-allowlist.txt' });
    expect(result.settings).toEqual({ network: { allowedDomains: ['example.com', 'api.example.com', 'proxy.example.com', '*.example.org', 'q.*.amazonaws.com'] } });
    expect(result.warnings).toEqual([
      'line 3: "https://api.example.com/v1" is a URL; imported its host name api.example.com.',
      'line 4: "proxy.example.com:8080" names a port; the policy holds domains only, so the port was dropped.',
      'line 5: "not a domain" was not imported: Use a domain name such as api.example.com or *.example.com.',
    ]);
    // A list with wildcard lines is still recognised by its content alone.
    expect(load('app.kiro.dev\nq.*.amazonaws.com\n*.kiro.dev\n', { fileName: 'proxy-allow.txt' }).format).toBe('firewall');
  });

  it('imports an empty named file as an empty list', () => {
    expect(load('', { fileName: '.gitignore' }).settings).toEqual({ gitignore: [] });
    expect(load('', { fileName: 'firewall-allowlist.txt' }).settings).toEqual({ network: { allowedDomains: [] } });
  });
});

describe('gemini-policy (Policy Engine TOML)', () => {
  const toml = [
    '[[rule]]',
    'toolName = ["web_fetch", "ShellTool"]',
    'decision = "deny"',
    'priority = 900',
    '',
    '[[rule]]',
    'toolName = "run_shell_command"',
    'commandRegex = "[^\\\\x00]*rm -rf"',
    'decision = "deny"',
    'priority = 900',
    '',
    '[[rule]]',
    'toolName = "run_shell_command"',
    'commandPrefix = ["git push", "sudo"]',
    'decision = "deny"',
    'priority = 100',
    '',
    '[[rule]]',
    'toolName = "run_shell_command"',
    'commandPrefix = "npm run"',
    'decision = "allow"',
    'priority = 500',
    '',
    '[[rule]]',
    'toolName = "run_shell_command"',
    "commandRegex = 'npm test\"'",
    'decision = "allow"',
    'priority = 500',
    '',
    '[[rule]]',
    'toolName = "run_shell_command"',
    'commandRegex = "git (commit|push)"',
    'decision = "allow"',
    'priority = 500',
    '',
    '[[rule]]',
    'toolName = "write_file"',
    'decision = "ask_user"',
    'priority = 10',
    '',
  ].join('\n');

  it('reads deny, allow and Pilotlight’s own rules back, by name and by content', () => {
    for (const options of [{ fileName: 'policies/pilotlight.toml' }, {}]) {
      const result = load(toml, options);
      expect(result.format).toBe('gemini-policy');
      expect(result.settings).toEqual({
        trustedCommands: ['npm run *', 'npm test'],
        deniedCommands: ['rm -rf', 'git push', 'sudo'],
        excludeTools: ['web_fetch', 'run_shell_command'],
      });
      expect(warning(result, 'rule[2].commandPrefix: Gemini refuses commands that start with this')).toBeDefined();
      expect(warning(result, 'rule[5].commandRegex: "git (commit|push)" is not a plain command or prefix')).toBeDefined();
      expect(result.droppedControls).toEqual([expect.objectContaining({ path: 'rule[6]', impact: 'high' })]);
    }
  });

  it('reads a deny rule it cannot hold as a dropped critical control, and invalid TOML as a 400', () => {
    const result = load('[[rule]]\ntoolName = "read_file"\nargsPattern = "\\\\.env"\ndecision = "deny"\npriority = 1\n', { format: 'gemini-policy' });
    expect(result.settings).toEqual({});
    expect(result.droppedControls[0]).toMatchObject({ impact: 'high', path: 'rule[0].argsPattern' });
    expect(() => load('[[rule]\n', { format: 'gemini-policy' })).toThrow(/not valid TOML/);
  });
});

describe('kiro-permissions (permissions.yaml)', () => {
  it('reads shell allow and deny rules, capability denials, and reports the rest', () => {
    const yaml = [
      'rules:',
      '  - capability: shell',
      '    effect: allow',
      '    match: ["git status", "npm", "npm *", "make*"]',
      '  - capability: shell',
      '    effect: deny',
      '    match:',
      '      - "*rm -rf*"',
      '      - sudo *',
      '  - capability: fs_write',
      '    effect: deny',
      '  - capability: fs_read',
      '    effect: deny',
      '    match: [".env"]',
      '  - capability: shell',
      '    effect: ask',
      '    match: ["git push *"]',
    ].join('\n');
    for (const options of [{ fileName: '~/.kiro/settings/permissions.yaml' }, {}]) {
      const result = load(yaml, options);
      expect(result.format).toBe('kiro-permissions');
      expect(result.settings).toEqual({ trustedCommands: ['git status', 'npm *', 'make*'], deniedCommands: ['rm -rf', 'sudo'], excludeTools: ['write_file'] });
      expect(warning(result, 'rules[1].match[1]: Kiro refuses only commands matching this pattern')).toBeDefined();
      expect(result.droppedControls.map((control) => [control.path, control.impact])).toEqual([
        ['rules[3].match', 'critical'],
        ['rules[4]', 'high'],
      ]);
    }
  });
});

describe('real-world files', () => {
  it('reads VS Code-style settings with comments and trailing commas (JSONC), and still names the line of a real error', () => {
    const result = load('{\n  // Kiro IDE\n  "kiroAgent.trustedCommands": [\n    "npm test",\n  ],\n}\n', { fileName: 'settings.json' });
    expect(result).toMatchObject({ format: 'kiro-ide', settings: { trustedCommands: ['npm test'] } });
    expect(() => load('{\n  "kiroAgent.trustedCommands": ["npm test" "npm run lint"]\n}', { fileName: 'settings.json' })).toThrow(/line 2, column 44/);
  });

  it('reads a .kiro/settings.json with only hooks or context as an empty Kiro layer with warnings', () => {
    const hooks = load({ hooks: { preToolUse: [] } }, { fileName: 'repo/.kiro/settings.json' });
    expect(hooks).toMatchObject({ format: 'kiro-project', settings: {} });
    expect(hooks.droppedControls).toEqual([expect.objectContaining({ path: 'hooks', impact: 'high' })]);
    const context = load({ context: { includeFiles: ['README.md'] } }, { fileName: 'repo/.kiro/settings.json' });
    expect(context).toMatchObject({ format: 'kiro-project', settings: {} });
    expect(warning(context, 'context: context files are not part of the policy')).toBeDefined();
  });

  it('never turns a file without shell rules into an explicit empty deny list (layers replace lists whole)', () => {
    const claude = load({ permissions: { deny: ['Read(./secrets.md)'] } }, { fileName: 'managed-settings.json' });
    expect(claude.settings).toEqual({});
    expect(claude.droppedControls).toEqual([expect.objectContaining({ path: 'permissions.deny[0]', impact: 'critical' })]);
    const gemini = load({ tools: { exclude: [] }, mcp: { allowed: ['github'] } }, { format: 'gemini-cli' });
    expect(gemini.settings).toEqual({});
    expect(load({ 'kiroAgent.commandDenylist': [] }).settings).toEqual({});
  });

  it('ranks dropped controls by security impact: a refusal before a restriction before a hardening switch', () => {
    const result = load(
      {
        permissions: { deny: ['Bash(rm -rf *)', 'Read(./.env)'], ask: ['Bash(git push *)'], disableBypassPermissionsMode: 'disable' },
        allowedMcpServers: [{ serverName: 'github' }],
        hooks: { PreToolUse: [] },
        theme: 'dark',
      },
      { fileName: 'managed-settings.json' },
    );
    expect(result.settings.deniedCommands).toEqual(['rm -rf']);
    expect(result.droppedControls.map((control) => [control.path, control.impact])).toEqual([
      ['permissions.deny[1]', 'critical'],
      ['allowedMcpServers', 'high'],
      ['hooks', 'high'],
      ['permissions.ask[0]', 'high'],
      ['permissions.disableBypassPermissionsMode', 'medium'],
    ]);
    expect(result.warnings.some((text) => text.startsWith('theme:'))).toBe(true);
  });
});
