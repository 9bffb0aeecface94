import { describe, expect, it } from 'vitest';
import {
  bySeverity,
  countBySeverity,
  fieldId,
  findingsFor,
  groupBySeverity,
  isWithin,
  mergeIssues,
  normalizePath,
  partitionByPrefix,
  relativePath,
  toNotes,
  topLevelField,
  worstTone,
  type EditorFinding,
} from '@/components/policies/editor/paths';

const finding = (path: string, severity: EditorFinding['severity'] = 'high', rule = 'r'): EditorFinding => ({ rule, severity, path, message: `${rule} at ${path}` });

describe('normalizePath', () => {
  it('strips the settings. prefix of server action issues', () => {
    expect(normalizePath('settings.trustedCommands[2]')).toBe('trustedCommands[2]');
    expect(normalizePath('settings')).toBe('');
    expect(normalizePath('trustedCommands')).toBe('trustedCommands');
  });

  it('leaves fields that merely start with "settings" alone', () => {
    expect(normalizePath('settingsX.a')).toBe('settingsX.a');
  });
});

describe('topLevelField and fieldId', () => {
  it.each([
    ['mode', 'mode'],
    ['trustedCommands[3]', 'trustedCommands'],
    ['mcpServers.github.env.GITHUB_TOKEN', 'mcpServers'],
    ['telemetry.enabled', 'telemetry'],
    ['network.allowedDomains[0]', 'network'],
    ['settings.excludeTools', 'excludeTools'],
    ['', ''],
  ])('%s → %s', (path, field) => {
    expect(topLevelField(path)).toBe(field);
    expect(fieldId(path)).toBe(`field-${field}`);
  });
});

describe('isWithin', () => {
  it('matches the path itself, its keys and its indexes', () => {
    expect(isWithin('trustedCommands', 'trustedCommands')).toBe(true);
    expect(isWithin('trustedCommands[3]', 'trustedCommands')).toBe(true);
    expect(isWithin('telemetry.enabled', 'telemetry')).toBe(true);
  });

  it('does not match a longer name sharing the prefix', () => {
    expect(isWithin('mcpServers.x.disabledTools[0]', 'mcpServers.x.disabled')).toBe(false);
    expect(isWithin('trustedCommandsX', 'trustedCommands')).toBe(false);
    expect(isWithin('mode', 'trustedCommands')).toBe(false);
  });

  it('treats the empty prefix as the whole document', () => {
    expect(isWithin('anything[1].x', '')).toBe(true);
  });
});

describe('findingsFor', () => {
  const findings = [
    finding('trustedCommands[3]'),
    finding('settings.trustedCommands'),
    finding('deniedCommands[0]'),
    finding('mcpServers.github.env.GITHUB_TOKEN', 'critical'),
  ];

  it('returns the findings on a field or inside it, settings. prefix or not', () => {
    expect(findingsFor('trustedCommands', findings).map((f) => f.path)).toEqual(['trustedCommands[3]', 'settings.trustedCommands']);
    expect(findingsFor('trustedCommands[3]', findings)).toHaveLength(1);
    expect(findingsFor('mcpServers.github', findings)).toHaveLength(1);
    expect(findingsFor('mcpServers.gitlab', findings)).toHaveLength(0);
  });
});

describe('partitionByPrefix', () => {
  it('hands each item to its row and keeps the rest', () => {
    const items = [finding('trustedCommands'), finding('trustedCommands[0]'), finding('trustedCommands[1]'), finding('trustedCommands[7]')];
    const { within, rest } = partitionByPrefix(items, ['trustedCommands[0]', 'trustedCommands[1]']);
    expect(within.get('trustedCommands[0]')).toHaveLength(1);
    expect(within.get('trustedCommands[1]')).toHaveLength(1);
    // The field itself and an index past the end of the list stay with the field.
    expect(rest.map((f) => f.path)).toEqual(['trustedCommands', 'trustedCommands[7]']);
  });

  it('gives a path to the longest matching prefix (names may contain dots)', () => {
    const { within, rest } = partitionByPrefix([finding('mcpServers.a.b.url'), finding('mcpServers.a.url')], ['mcpServers.a', 'mcpServers.a.b']);
    expect(within.get('mcpServers.a.b')?.map((f) => f.path)).toEqual(['mcpServers.a.b.url']);
    expect(within.get('mcpServers.a')?.map((f) => f.path)).toEqual(['mcpServers.a.url']);
    expect(rest).toEqual([]);
  });
});

describe('severity helpers', () => {
  const findings = [finding('a', 'low'), finding('b', 'critical'), finding('c', 'medium'), finding('d', 'critical')];

  it('sorts most severe first, keeping order within a severity', () => {
    expect(bySeverity(findings).map((f) => f.path)).toEqual(['b', 'd', 'c', 'a']);
  });

  it('counts and groups by severity, skipping empty groups', () => {
    expect(countBySeverity(findings)).toEqual({ critical: 2, high: 0, medium: 1, low: 1 });
    expect(groupBySeverity(findings).map(([severity, group]) => [severity, group.length])).toEqual([
      ['critical', 2],
      ['medium', 1],
      ['low', 1],
    ]);
  });
});

describe('toNotes', () => {
  it('normalizes paths, puts issues first and drops duplicates', () => {
    const notes = toNotes(
      [finding('mode', 'low', 'x'), finding('mode', 'critical', 'y'), finding('mode', 'critical', 'y')],
      [
        { path: 'settings.mcpServers.a.url', message: 'Server says bad URL.' },
        { path: 'mcpServers.a.url', message: 'Editor says bad URL.' },
      ],
    );
    expect(notes.map((note) => [note.kind, note.path, note.kind === 'finding' ? note.rule : note.message])).toEqual([
      ['issue', 'mcpServers.a.url', 'Server says bad URL.'],
      ['finding', 'mode', 'y'],
      ['finding', 'mode', 'x'],
    ]);
  });

  it('ranks an invalid value above every severity when highlighting', () => {
    const notes = toNotes([finding('a', 'critical')], [{ path: 'a', message: 'bad' }]);
    expect(worstTone(notes)).toBe('invalid');
    expect(worstTone(toNotes([finding('a', 'low'), finding('a', 'medium', 'm')]))).toBe('medium');
    expect(worstTone([])).toBeUndefined();
  });
});

describe('mergeIssues', () => {
  it('keeps the editor’s issues first and drops a given issue explained by one inside it', () => {
    const local = [{ path: 'mcpServers.a.url', message: 'Use an absolute http(s) URL.' }];
    const given = [
      { path: 'settings.mcpServers.a', message: 'An MCP server needs either a command (local) or a url (remote), not both.' },
      { path: 'settings.mcpServers.a.url', message: 'Invalid URL' },
      { path: 'settings.gitignore[0]', message: 'Too long.' },
    ];
    expect(mergeIssues(local, given)).toEqual([
      { path: 'mcpServers.a.url', message: 'Use an absolute http(s) URL.' },
      { path: 'mcpServers.a.url', message: 'Invalid URL' },
      { path: 'gitignore[0]', message: 'Too long.' },
    ]);
    // …and toNotes then shows one issue per path, the editor's.
    expect(toNotes([], mergeIssues(local, given)).map((note) => note.message)).toEqual(['Use an absolute http(s) URL.', 'Too long.']);
  });
});

describe('relativePath', () => {
  it('shows a path relative to the control it is listed under', () => {
    expect(relativePath('mcpServers.x.args[2]', 'mcpServers.x.args')).toBe('[2]');
    expect(relativePath('mcpServers.x.env.A', 'mcpServers.x')).toBe('env.A');
    expect(relativePath('mode', 'trustedCommands')).toBe('mode');
    expect(relativePath('mode', '')).toBe('mode');
  });
});
