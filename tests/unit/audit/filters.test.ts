import { describe, expect, it } from 'vitest';
import { ValidationError } from '@/lib/errors';
import { actionsOfGroup, AUDIT_ACTION_GROUPS, AUDIT_ACTIONS, auditActionGroup } from '@/lib/audit/actions';
import { auditLogQuery, auditLogSearch, parseAuditLogFilters } from '@/lib/audit/filters';

function issues(input: Record<string, string>): { path: string; message: string }[] {
  try {
    parseAuditLogFilters(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues;
  }
  throw new Error('expected a ValidationError');
}

describe('parseAuditLogFilters', () => {
  it('means no filter for no parameters and for empty form fields', () => {
    const none = { actor: null, actions: null, target: null, from: null, toExclusive: null, q: null, cursor: null, limit: 50, format: null };
    expect(parseAuditLogFilters({})).toEqual(none);
    expect(parseAuditLogFilters(new URLSearchParams('actor=&action=&target=&from=&to=&q=+'))).toEqual(none);
  });

  it('expands an action group to its actions and keeps a single action as it is', () => {
    expect(parseAuditLogFilters({ action: 'sign-in' }).actions).toEqual(['auth.sign_in', 'auth.sign_in_failed']);
    expect(parseAuditLogFilters({ action: 'teams' }).actions).toEqual(
      expect.arrayContaining(['team.created', 'team.updated', 'team.deleted', 'policy.team_assigned', 'policy.org_assigned', 'project.overrides_set', 'project.deleted']),
    );
    expect(parseAuditLogFilters({ action: 'teams' }).actions).not.toContain('policy.downloaded');
    expect(parseAuditLogFilters({ action: 'template.created' }).actions).toEqual(['template.created']);
  });

  it('reads an e-mail actor case-insensitively and an id actor as an id', () => {
    expect(parseAuditLogFilters({ actor: ' Ann@Example.com ' }).actor).toEqual({ email: 'ann@example.com' });
    expect(parseAuditLogFilters({ actor: 'A1B2C3D4-0000-4000-8000-000000000001' }).actor).toEqual({ id: 'a1b2c3d4-0000-4000-8000-000000000001' });
  });

  it('reads a target type alone or with its id', () => {
    expect(parseAuditLogFilters({ target: 'team' }).target).toEqual({ type: 'team', id: null });
    expect(parseAuditLogFilters({ target: 'project:abc/web' }).target).toEqual({ type: 'project', id: 'abc/web' });
  });

  it('turns the period into UTC bounds with the last day included', () => {
    const f = parseAuditLogFilters({ from: '2026-11-01', to: '2026-11-30' });
    expect(f.from?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(f.toExclusive?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  it('reads the cursor, limit and export format', () => {
    expect(parseAuditLogFilters({ cursor: '120', limit: '10', format: 'csv' })).toMatchObject({ cursor: 120, limit: 10, format: 'csv' });
  });

  it('reports every bad parameter with its name', () => {
    const found = issues({ action: 'drop-table', target: 'planet', from: '2026-02-30', to: 'yesterday', cursor: '-1', limit: '1000', format: 'xml' });
    expect(found.map((i) => i.path).sort()).toEqual(['action', 'cursor', 'format', 'from', 'limit', 'target', 'to']);
    expect(found.find((i) => i.path === 'action')!.message).toMatch(/sign-in, members, tokens, templates, teams, downloads, uploads, reports/);
    expect(found.find((i) => i.path === 'from')!.message).toBe('Use a date as YYYY-MM-DD.');
  });

  it('refuses a period that ends before it starts, and overlong text', () => {
    expect(issues({ from: '2026-11-05', to: '2026-11-01' })).toEqual([{ path: 'from', message: '`from` is after `to`.' }]);
    expect(issues({ q: 'x'.repeat(201) })[0]!.path).toBe('q');
    expect(issues({ cursor: '99999999999' })[0]!.path).toBe('cursor');
  });
});

describe('filter URLs', () => {
  it('keep only the filter values, and extras like cursor and format', () => {
    const query = auditLogQuery({ q: 'pay', action: 'teams', cursor: '9', unrelated: 'x', to: '' });
    expect(query).toEqual({ q: 'pay', action: 'teams' });
    expect(auditLogSearch(query, { format: 'csv', cursor: null })).toBe('?action=teams&q=pay&format=csv');
    expect(auditLogSearch({})).toBe('');
  });
});

describe('action groups', () => {
  it('put every known action in exactly one group, and the issue’s groups in the order listed', () => {
    expect(AUDIT_ACTION_GROUPS.map((g) => g.id)).toEqual(['sign-in', 'members', 'tokens', 'templates', 'teams', 'downloads', 'uploads', 'reports', 'other']);
    const all = AUDIT_ACTION_GROUPS.flatMap((g) => actionsOfGroup(g.id));
    expect(all.sort()).toEqual(Object.keys(AUDIT_ACTIONS).sort());
  });

  it('group actions by their words’ subject, new ones by prefix', () => {
    expect(auditActionGroup('auth.sign_in_failed')).toBe('sign-in');
    expect(auditActionGroup('member.role_changed')).toBe('members');
    expect(auditActionGroup('token.revoked')).toBe('tokens');
    expect(auditActionGroup('template.secrets_purged')).toBe('templates');
    expect(auditActionGroup('policy.team_assigned')).toBe('teams');
    expect(auditActionGroup('policy.downloaded')).toBe('downloads');
    expect(auditActionGroup('upload.deleted')).toBe('uploads');
    expect(auditActionGroup('report.generated')).toBe('reports');
    expect(auditActionGroup('setup.completed')).toBe('other');
  });
});
