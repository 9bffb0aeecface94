import { describe, expect, it } from 'vitest';
import { policySettingsSchema } from '@/lib/policy/settings';

const messages = (settings: unknown) => {
  const result = policySettingsSchema.safeParse(settings);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('policy settings schema (issue 8, item 16)', () => {
  it.each([
    ['a gitignore entry with a newline (exports as two lines)', { gitignore: ['node_modules\n!.env'] }, 'gitignore.0'],
    ['a trusted command with a NUL', { trustedCommands: ['npm test\u0000'] }, 'trustedCommands.0'],
    ['a denied command with a carriage return', { deniedCommands: ['rm\r-rf'] }, 'deniedCommands.0'],
    ['a domain with a tab', { network: { allowedDomains: ['a.example.com\tb.example.com'] } }, 'network.allowedDomains.0'],
    ['a tool name with a line separator', { excludeTools: ['run_shell_command\u2028x'] }, 'excludeTools.0'],
    ['an MCP header with a newline (header injection)', { mcpServers: { a: { url: 'https://x.example', headers: { 'X-A': 'b\r\nX-Evil: 1' } } } }, 'mcpServers.a.headers.X-A'],
  ])('rejects control characters in list entries: %s', (_label, settings, path) => {
    expect(messages(settings).some((message) => message.startsWith(`${path}: `) && /control characters/.test(message))).toBe(true);
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'ftp://files.example.com/mcp', 'data:text/plain,hi'])('refuses an MCP server url %s (http(s) only)', (url) => {
    expect(messages({ mcpServers: { a: { url } } })).toEqual(['mcpServers.a.url: Use an absolute http(s) URL.']);
  });

  it('accepts http and https MCP urls and ordinary entries', () => {
    expect(messages({ mcpServers: { a: { url: 'https://mcp.example.com/sse' }, b: { url: 'http://localhost:8080/mcp' } }, gitignore: ['.env', '*.log'] })).toEqual([]);
  });
});
