import { describe, expect, it } from 'vitest';
import {
  isSet,
  newServerError,
  parseArgs,
  parseListEntry,
  parseToolName,
  renameServer,
  serverNameError,
  switchServerKind,
  tidyArgs,
  TOP_LEVEL_FIELDS,
  validationIssues,
  withAllowedDomains,
  withField,
  withServerField,
  withTelemetry,
} from '@/components/policies/editor/layer';
import { policySettingsSchema, type PolicySettings } from '@/lib/policy/settings';

describe('TOP_LEVEL_FIELDS', () => {
  it('are the schema keys in the order the console shows them', () => {
    expect([...TOP_LEVEL_FIELDS]).toEqual(['mode', 'trustedCommands', 'deniedCommands', 'telemetry', 'sandbox', 'autoAccept', 'coreTools', 'excludeTools', 'mcpServers', 'gitignore', 'network']);
    expect([...TOP_LEVEL_FIELDS].sort()).toEqual(Object.keys(policySettingsSchema.shape).sort());
  });
});

describe('withField', () => {
  it('sets and removes a field without touching the input', () => {
    const before: PolicySettings = Object.freeze({ mode: 'autopilot', sandbox: 'docker' });
    expect(withField(before, 'trustedCommands', ['npm test'])).toEqual({ mode: 'autopilot', trustedCommands: ['npm test'], sandbox: 'docker' });
    const removed = withField(before, 'mode', undefined);
    expect(removed).toEqual({ sandbox: 'docker' });
    expect('mode' in removed).toBe(false);
    expect(before).toEqual({ mode: 'autopilot', sandbox: 'docker' });
  });

  it('keeps keys in schema order whatever order they were set in', () => {
    const settings = withField(withField({ gitignore: ['.env'] }, 'mode', 'supervised'), 'autoAccept', false);
    expect(Object.keys(settings)).toEqual(['mode', 'autoAccept', 'gitignore']);
  });

  it('keeps false and empty lists (they are set values)', () => {
    expect(withField({}, 'sandbox', false)).toEqual({ sandbox: false });
    expect(withField({}, 'excludeTools', [])).toEqual({ excludeTools: [] });
  });
});

describe('withTelemetry', () => {
  it('sets each switch on its own', () => {
    const one = withTelemetry({}, 'usageStatisticsEnabled', false);
    expect(one).toEqual({ telemetry: { usageStatisticsEnabled: false } });
    expect(withTelemetry(one, 'enabled', true)).toEqual({ telemetry: { enabled: true, usageStatisticsEnabled: false } });
  });

  it('leaves no empty telemetry object and no undefined values', () => {
    const cleared = withTelemetry({ mode: 'supervised', telemetry: { enabled: true } }, 'enabled', undefined);
    expect(cleared).toEqual({ mode: 'supervised' });
    expect('telemetry' in cleared).toBe(false);
    const partial = withTelemetry({ telemetry: { enabled: true, usageStatisticsEnabled: true } }, 'enabled', undefined);
    expect(partial.telemetry).toEqual({ usageStatisticsEnabled: true });
    expect(Object.keys(partial.telemetry ?? {})).toEqual(['usageStatisticsEnabled']);
  });
});

describe('withAllowedDomains', () => {
  it('adds and removes the network group', () => {
    expect(withAllowedDomains({}, [])).toEqual({ network: { allowedDomains: [] } });
    expect(withAllowedDomains({ network: { allowedDomains: ['a.com'] } }, undefined)).toEqual({});
  });
});

describe('isSet', () => {
  it('tells set leaves from inherited ones', () => {
    const settings: PolicySettings = { sandbox: false, telemetry: { enabled: false } };
    expect(isSet(settings, 'sandbox')).toBe(true);
    expect(isSet(settings, 'mode')).toBe(false);
    expect(isSet(settings, 'telemetry.enabled')).toBe(true);
    expect(isSet(settings, 'telemetry.usageStatisticsEnabled')).toBe(false);
    expect(isSet(settings, 'network.allowedDomains')).toBe(false);
  });
});

describe('parseListEntry', () => {
  it('normalizes entries as the schema stores them', () => {
    expect(parseListEntry('trustedCommands', '  npm test ')).toEqual({ ok: true, entry: 'npm test' });
    expect(parseListEntry('network.allowedDomains', ' API.Example.com ')).toEqual({ ok: true, entry: 'api.example.com' });
    expect(parseToolName(' read_file ')).toEqual({ ok: true, entry: 'read_file' });
  });

  it('explains what is wrong with the schema’s own words', () => {
    expect(parseListEntry('network.allowedDomains', 'not a domain')).toEqual({ ok: false, message: 'Use a domain name such as api.example.com or *.example.com.' });
    expect(parseListEntry('trustedCommands', '   ')).toEqual({ ok: false, message: 'A command cannot be empty.' });
    expect(parseListEntry('trustedCommands', 'x'.repeat(1001)).ok).toBe(false);
  });
});

describe('validationIssues', () => {
  it('is empty for a valid layer', () => {
    expect(validationIssues({ mode: 'autopilot', mcpServers: { a: { url: 'https://x.example.com' } } })).toEqual([]);
  });

  it('lists problems with paths, in words people read', () => {
    const issues = validationIssues({ mcpServers: { a: { command: '' } }, bogus: 1 });
    expect(issues).toContainEqual({ path: 'mcpServers.a.command', message: 'Cannot be empty.' });
    expect(issues).toContainEqual({ path: 'bogus', message: 'Unknown field.' });
    // The specific problem, without the general "command or url" one on top.
    expect(validationIssues({ mcpServers: { a: { url: '' } } })).toEqual([{ path: 'mcpServers.a.url', message: 'Use an absolute http(s) URL.' }]);
    expect(validationIssues({ mcpServers: { a: {} } })).toEqual([{ path: 'mcpServers.a', message: 'An MCP server needs either a command (local) or a url (remote), not both.' }]);
  });
});

describe('MCP server helpers', () => {
  it('sets server fields in schema order and drops unset ones', () => {
    const server = withServerField(withServerField({ autoApprove: ['x'], command: 'npx' }, 'env', { A: '${A}' }), 'autoApprove', undefined);
    expect(server).toEqual({ command: 'npx', env: { A: '${A}' } });
    expect(Object.keys(server)).toEqual(['command', 'env']);
  });

  it('switches kind and restores what the switch removed', () => {
    const local = { command: 'npx', args: ['-y', 'pkg'], env: { T: '${T}' }, disabled: true };
    const toRemote = switchServerKind(local, 'remote');
    expect(toRemote.server).toEqual({ url: '', disabled: true });
    expect(toRemote.removed).toEqual({ command: 'npx', args: ['-y', 'pkg'], env: { T: '${T}' } });
    const back = switchServerKind({ ...toRemote.server, url: 'https://x.example.com' }, 'local', toRemote.removed);
    expect(back.server).toEqual(local);
    expect(back.removed).toEqual({ url: 'https://x.example.com' });
    expect(switchServerKind(local, 'local').server).toBe(local);
  });

  it('renames a server in place', () => {
    const renamed = renameServer({ a: { command: 'a' }, b: { command: 'b' }, c: { command: 'c' } }, 'b', 'z');
    expect(Object.keys(renamed)).toEqual(['a', 'z', 'c']);
    expect(renamed.z).toEqual({ command: 'b' });
  });

  it('checks server names', () => {
    expect(serverNameError('github', ['gitlab'])).toBeUndefined();
    expect(serverNameError('github', ['github'], 'github')).toBeUndefined();
    expect(serverNameError('github', ['github'])).toMatch(/already exists/);
    expect(serverNameError('-bad', [])).toMatch(/letters, digits/);
    expect(serverNameError('', [])).toBe('Enter a name.');
  });

  it('checks a new server before it is added', () => {
    expect(newServerError('gh', 'local', 'npx', [])).toBeUndefined();
    expect(newServerError('gh', 'remote', 'https://mcp.example.com/mcp', [])).toBeUndefined();
    expect(newServerError('gh', 'local', ' ', [])).toMatch(/command/);
    expect(newServerError('gh', 'remote', 'not a url', [])).toBe('Use an absolute http(s) URL.');
    expect(newServerError('gh', 'local', 'npx', ['gh'])).toMatch(/already exists/);
  });

  it('edits arguments one per line', () => {
    expect(parseArgs('')).toBeUndefined();
    expect(parseArgs('-y\n@scope/pkg\n')).toEqual(['-y', '@scope/pkg', '']);
    expect(tidyArgs(['-y', '', '  ', 'pkg'])).toEqual(['-y', 'pkg']);
    expect(tidyArgs([''])).toBeUndefined();
  });
});
