import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '@/lib/errors';
import { assertCan, can, PERMISSION_NAMES, ROLES, scopesForRole, type Actor, type Permission, type Role } from '@/lib/auth/permissions';

// The whole matrix, written out: changing who may do what must change this table on purpose.
const EXPECTED: Record<Permission, Role[]> = {
  'members:read': ['OWNER', 'ADMIN', 'EDITOR', 'AUDITOR'],
  'members:manage': ['OWNER'],
  'tokens:manage': ['OWNER', 'ADMIN'],
  'templates:read': ['OWNER', 'ADMIN', 'EDITOR', 'AUDITOR'],
  'templates:write': ['OWNER', 'ADMIN', 'EDITOR'],
  'templates:archive': ['OWNER', 'ADMIN'],
  'teams:read': ['OWNER', 'ADMIN', 'EDITOR', 'AUDITOR'],
  'teams:write': ['OWNER', 'ADMIN', 'EDITOR'],
  'teams:delete': ['OWNER', 'ADMIN'],
  'ingestKeys:manage': ['OWNER', 'ADMIN'],
  'uploads:write': ['OWNER', 'ADMIN'],
  'uploads:delete': ['OWNER', 'ADMIN'],
  'prompts:read': ['OWNER', 'ADMIN', 'AUDITOR'],
  'reports:read': ['OWNER', 'ADMIN', 'EDITOR', 'AUDITOR'],
  'audit:read': ['OWNER', 'ADMIN', 'AUDITOR'],
};

const user = (role: Role): Actor => ({ kind: 'user', userId: 'u', orgId: 'o', role, scopes: scopesForRole(role), label: 'x@example.com' });

describe('permissions matrix', () => {
  it('covers every permission', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PERMISSION_NAMES].sort());
  });

  for (const role of ROLES) {
    for (const permission of PERMISSION_NAMES) {
      const allowed = EXPECTED[permission].includes(role);
      it(`${role} ${allowed ? 'may' : 'may not'} ${permission}`, () => {
        expect(can(user(role), permission)).toBe(allowed);
        if (allowed) expect(() => assertCan(user(role), permission)).not.toThrow();
        else expect(() => assertCan(user(role), permission)).toThrow(ForbiddenError);
      });
    }
  }
});

describe('API tokens', () => {
  const token = (role: Role, scopes: Actor['scopes']): Actor => ({ ...user(role), kind: 'token', tokenId: 't', scopes });

  it('need the scope as well as the role', () => {
    expect(can(token('OWNER', ['templates:read']), 'templates:read')).toBe(true);
    expect(can(token('OWNER', ['templates:read']), 'templates:write')).toBe(false);
    expect(can(token('OWNER', ['templates:write']), 'templates:write')).toBe(true);
  });

  it('never exceed the role of the member they act for', () => {
    expect(can(token('AUDITOR', ['templates:write']), 'templates:write')).toBe(false);
    expect(can(token('EDITOR', ['events:write']), 'uploads:write')).toBe(false);
  });

  it('cannot use console-only permissions whatever their scopes', () => {
    const all = token('OWNER', ['templates:read', 'templates:write', 'events:write', 'reports:read', 'audit:read']);
    expect(can(all, 'members:manage')).toBe(false);
    expect(can(all, 'tokens:manage')).toBe(false);
  });

  it('read the audit log only with the audit:read scope, and only for owners, admins and auditors', () => {
    expect(can(token('AUDITOR', ['audit:read']), 'audit:read')).toBe(true);
    expect(can(token('OWNER', ['reports:read', 'templates:read']), 'audit:read')).toBe(false);
    expect(can(token('EDITOR', ['audit:read']), 'audit:read')).toBe(false);
    expect(() => assertCan(token('ADMIN', ['reports:read']), 'audit:read')).toThrow(/lacks the scope audit:read/);
  });

  it('explain a missing scope in the 403', () => {
    expect(() => assertCan(token('OWNER', ['templates:read']), 'templates:write')).toThrow(/lacks the scope templates:write/);
  });
});

describe('scopesForRole', () => {
  it('gives auditors only read scopes', () => {
    expect(scopesForRole('AUDITOR')).toEqual(['templates:read', 'reports:read', 'audit:read']);
    expect(scopesForRole('OWNER')).toEqual(['templates:read', 'templates:write', 'events:write', 'reports:read', 'audit:read']);
    expect(scopesForRole('EDITOR')).toEqual(['templates:read', 'templates:write', 'reports:read']);
  });
});
