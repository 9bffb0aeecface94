import { describe, expect, it } from 'vitest';
import { describeAction, describeActor, describeTarget, prepareAuditDiff, targetHref } from '@/lib/audit/present';

const ID = '6f1c2a34-1b2c-4d5e-8f90-123456789abc';

describe('describeActor', () => {
  it('names a token with the member it acts for, and a member by name', () => {
    expect(describeActor({ actorType: 'token', actorLabel: 'ann@example.com', actorName: null, tokenName: 'MDM sync' })).toEqual({ primary: 'Token “MDM sync”', secondary: 'for ann@example.com' });
    expect(describeActor({ actorType: 'user', actorLabel: 'ann@example.com', actorName: 'Ann', tokenName: null })).toEqual({ primary: 'Ann', secondary: 'ann@example.com' });
    expect(describeActor({ actorType: 'user', actorLabel: 'ann@example.com', actorName: null, tokenName: null })).toEqual({ primary: 'ann@example.com', secondary: 'member' });
    expect(describeActor({ actorType: 'anonymous', actorLabel: 'eve@example.com', actorName: null, tokenName: null }).secondary).toBe('not signed in');
    expect(describeActor({ actorType: 'token', actorLabel: 'ann@example.com', actorName: null, tokenName: null }).primary).toBe('Token “deleted token”');
  });
});

describe('describeAction and targets', () => {
  it('words an action with its group, and an unknown one as its name', () => {
    expect(describeAction('template.version_created')).toEqual({ words: 'Saved a new template version', group: 'Templates' });
    expect(describeAction('something.new')).toEqual({ words: 'something.new', group: 'Other' });
  });

  it('links each target type to its page, and nothing for a target that has none', () => {
    expect(targetHref('policy_template', ID)).toBe(`/policies/${ID}`);
    expect(targetHref('team', ID)).toBe(`/teams/${ID}`);
    expect(targetHref('project', `${ID}/web`)).toBe(`/teams/${ID}`);
    expect(targetHref('upload', ID)).toBe(`/uploads/${ID}`);
    expect(targetHref('api_token', ID)).toBe('/settings/tokens');
    expect(targetHref('team', 'not-a-uuid')).toBeNull();
    expect(targetHref(null, null)).toBeNull();
  });

  it('names a target, or falls back to its type and id', () => {
    expect(describeTarget({ targetType: 'team', targetId: ID, targetName: 'Payments' })).toBe('Team “Payments”');
    expect(describeTarget({ targetType: 'upload', targetId: ID, targetName: null })).toBe(`Upload ${ID}`);
    expect(describeTarget({ targetType: null, targetId: null, targetName: null })).toBe('');
  });
});

describe('prepareAuditDiff', () => {
  it('lists changed, added and removed fields by path and counts the unchanged ones', () => {
    const diff = prepareAuditDiff(
      { name: 'Web', slug: 'web', environment: 'development', settings: { telemetry: { enabled: true }, trustedCommands: ['npm test'] } },
      { name: 'Web', slug: 'web-app', environment: 'development', settings: { telemetry: { enabled: false }, trustedCommands: ['npm test', 'git status'], mode: 'supervised' } },
    );
    expect(diff.lines).toEqual([
      { path: 'settings.mode', kind: 'added', before: null, after: 'supervised' },
      { path: 'settings.telemetry.enabled', kind: 'changed', before: 'true', after: 'false' },
      { path: 'settings.trustedCommands', kind: 'changed', before: '["npm test"]', after: '["npm test","git status"]' },
      { path: 'slug', kind: 'changed', before: 'web', after: 'web-app' },
    ]);
    expect(diff.unchanged).toBe(2);
  });

  it('shows a creation as all added and a deletion as all removed', () => {
    expect(prepareAuditDiff(null, { name: 'A' }).lines).toEqual([{ path: 'name', kind: 'added', before: null, after: 'A' }]);
    expect(prepareAuditDiff({ name: 'A', role: 'EDITOR' }, null).lines.map((l) => l.kind)).toEqual(['removed', 'removed']);
  });

  it('flattens details and keeps empty objects and nulls as values', () => {
    const diff = prepareAuditDiff({ overrides: {} }, { overrides: { mode: 'autopilot' } }, { format: 'kiro', version: 3, extra: null });
    expect(diff.lines).toEqual([
      { path: 'overrides', kind: 'removed', before: '{}', after: null },
      { path: 'overrides.mode', kind: 'added', before: null, after: 'autopilot' },
    ]);
    expect(diff.details).toEqual([
      { path: 'format', value: 'kiro' },
      { path: 'version', value: '3' },
      { path: 'extra', value: 'null' },
    ]);
  });

  it('is empty when nothing was recorded', () => {
    expect(prepareAuditDiff(null, null, null)).toEqual({ lines: [], unchanged: 0, details: [] });
  });
});
