import { describe, expect, it } from 'vitest';
import { AppError, BadRequestError, UnsupportedMediaTypeError } from '@/lib/errors';
import { detectFormat, importPolicy } from '@/lib/formats';

const bytes = (text: string) => new TextEncoder().encode(text);
const json = (value: unknown) => JSON.stringify(value, null, 2);

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an error');
}

describe('detectFormat by file name', () => {
  it.each([
    ['.gitignore', 'node_modules/', 'gitignore'],
    ['project/.gitignore', '', 'gitignore'],
    ['firewall-allowlist.txt', 'example.com', 'firewall'],
    ['firewall-allowlist (1).txt', 'example.com', 'firewall'],
    ['mcp.json', json({ mcpServers: {} }), 'kiro-mcp'],
    ['managed-settings.json', json({ permissions: {} }), 'claude-code'],
    ['/home/me/.claude/settings.json', json({ env: {} }), 'claude-code'],
    ['/home/me/.gemini/settings.json', json({ sandbox: 'docker' }), 'gemini-cli'],
    ['C:\\ProgramData\\gemini-cli\\settings.json', json({ sandbox: 'docker' }), 'gemini-cli'],
    ['.vscode/settings.json', json({}), 'kiro-ide'],
    ['~/.kiro/settings.json', json({ sandbox: false }), 'kiro-global'],
    ['repo/.kiro/settings.json', json({ sandbox: false }), 'kiro-project'],
  ])('%s', (fileName, text, expected) => {
    expect(detectFormat(fileName, text)).toBe(expected);
  });

  it('falls back to the content when the name and content disagree', () => {
    expect(detectFormat('mcp.json', json({ permissions: { allow: ['Bash(ls)'] } }))).toBe('claude-code');
  });
});

describe('detectFormat by content', () => {
  it.each([
    [json({ 'kiroAgent.trustedCommands': ['npm test'] }), 'kiro-ide'],
    [json({ permissions: { allow: ['Bash(npm test)'] } }), 'claude-code'],
    [json({ tools: { core: ['read_file'] } }), 'gemini-cli'],
    [json({ privacy: { usageStatisticsEnabled: false } }), 'gemini-cli'],
    [json({ allowedTools: ['run_shell_command(ls)'] }), 'gemini-cli'],
    [json({ telemetry: { enabled: false, target: 'local' } }), 'gemini-cli'],
    [json({ telemetry: { enabled: false }, usageStatisticsEnabled: false }), 'kiro-project'],
    [json({ sandbox: 'docker', autoAccept: false, excludeTools: ['run_shell_command'] }), 'kiro-project'],
    [json({ mcpServers: { github: { command: 'npx' } } }), 'kiro-mcp'],
    ['example.com\n*.example.org\n# comment\n', 'firewall'],
    ['.env\n*.log\n.kiro/cache/\n', 'gitignore'],
    ['[Bb]in/\n[Oo]bj/\n', 'gitignore'],
  ])('%#: %s', (text, expected) => {
    expect(detectFormat(null, text)).toBe(expected);
  });

  it.each([
    ['prose', 'This is a letter.\nDear admin,\n'],
    ['CSV', 'id,name\n1,alice\n'],
    ['an unknown JSON object', json({ name: 'x' })],
    ['a JSON array', '[1, 2]'],
    ['an empty file', ''],
    ['invalid JSON without a name', '{"a": '],
  ])('nothing for %s', (_label, text) => {
    expect(detectFormat(null, text)).toBeNull();
  });
});

describe('importPolicy errors', () => {
  it('names the line and column of invalid JSON (400); a trailing comma is fine, as in VS Code', () => {
    const error = failure(() => importPolicy({ bytes: bytes('{\n  "kiroAgent.trustedCommands": [\n    "npm test"\n    "npm run lint"\n  ]\n}'), fileName: 'settings.json' }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_json', details: { line: 4, column: 5 } });
    expect(error.message).toMatch(/^Invalid JSON at line 4, column 5: expected "," between entries/);
    expect(importPolicy({ bytes: bytes('{\n  "kiroAgent.trustedCommands": [\n    "npm test",\n  ],\n}'), fileName: 'settings.json' }).settings).toEqual({ trustedCommands: ['npm test'] });
  });

  it('keeps line and column right when comments come first', () => {
    const error = failure(() => importPolicy({ bytes: bytes('// header\n/* block\n comment */\n{"a": tru}') }));
    expect(error).toMatchObject({ status: 400, code: 'invalid_json', details: { line: 4, column: 7 } });
  });

  it('reports invalid JSON in a .json file even when it does not start with {', () => {
    expect(failure(() => importPolicy({ bytes: bytes('hello'), fileName: 'mcp.json' }))).toMatchObject({ status: 400, code: 'invalid_json' });
  });

  it.each([
    ['a zip (the bundle)', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), /zip archive/],
    ['gzip', new Uint8Array([0x1f, 0x8b, 8, 0]), /gzip/],
    ['UTF-16', new Uint8Array([0xff, 0xfe, 0x7b, 0]), /UTF-16/],
    ['binary', new Uint8Array([0, 1, 2, 3]), /binary/],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]), /not valid UTF-8/],
    ['prose', bytes('Dear admin, here are my settings.'), /neither settings JSON nor a list/],
    ['an empty file', bytes(''), /empty/],
    ['an unknown JSON object', bytes(json({ name: 'x', items: [] })), /None of the keys of this JSON file \(name, items\)/],
    ['a JSON array', bytes('["a"]'), /a JSON array/],
  ])('415 for %s, naming what is accepted', (_label, input, message) => {
    const error = failure(() => importPolicy({ bytes: input }));
    expect(error).toBeInstanceOf(UnsupportedMediaTypeError);
    expect(error.status).toBe(415);
    expect(error.message).toMatch(message);
    expect(error.message).toContain('Pilotlight imports Kiro settings');
  });

  it('400 for an unknown or unimportable explicit format', () => {
    expect(failure(() => importPolicy({ bytes: bytes('{}'), format: 'cursor' }))).toMatchObject({ status: 400, code: 'unsupported_format' });
    expect(failure(() => importPolicy({ bytes: bytes('{}'), format: 'bundle' })).message).toMatch(/bundle cannot be imported/);
  });

  it.each([
    ['claude-code', json({ 'kiroAgent.trustedCommands': ['x'] }), /not Claude Code managed settings: none of its keys \(kiroAgent\.trustedCommands\).*looks like Kiro IDE 0\.x settings/],
    ['kiro-mcp', json({ permissions: {} }), /looks like Claude Code managed settings \(claude-code\)/],
    ['gemini-cli', '.env\n*.log\n', /it is not a JSON object\. It looks like \.gitignore entries/],
    ['gitignore', json({ mcpServers: {} }), /it is a JSON object, not a list of lines\. It looks like Kiro MCP servers/],
    ['firewall', '.env\n*.log\n', /no line is a domain name/],
    ['kiro-ide', '[1]', /it is a JSON array, not an object/],
  ])('400 when the explicit format %s does not fit the content', (format, text, message) => {
    const error = failure(() => importPolicy({ bytes: bytes(text), format }));
    expect(error).toMatchObject({ status: 400, code: 'format_mismatch' });
    expect(error.message).toMatch(message);
  });

  it('accepts an empty object for any explicit JSON format', () => {
    expect(importPolicy({ bytes: bytes('{}'), format: 'kiro-mcp' })).toEqual({ format: 'kiro-mcp', settings: {}, warnings: [], droppedControls: [] });
  });
});
