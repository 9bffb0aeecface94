import { describe, expect, it } from 'vitest';
import { requireToken } from '@/lib/auth/api-token';
import { hashToken } from '@/lib/auth/token-format';
import { getPrisma } from '@/lib/db/client';
import { ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '@/lib/errors';
import { removeMember } from '@/lib/members/members';
import { createToken, listTokens, revokeToken } from '@/lib/tokens/tokens';
import { auditRows, createOrganizationWithMembers } from '../helpers/factories';
import { apiRequest } from '../helpers/http';

describe('API tokens', () => {
  it('creates a token shown once and stores only its hash', async () => {
    const { org, admin } = await createOrganizationWithMembers();
    const { token, view } = await createToken(admin, { name: 'MDM sync', scopes: ['templates:read', 'templates:read'] });
    expect(token).toMatch(/^plt_/);
    expect(view).toMatchObject({ name: 'MDM sync', scopes: ['templates:read'], createdBy: admin.label, lastUsedAt: null, revokedAt: null });
    const row = await getPrisma().apiToken.findUniqueOrThrow({ where: { id: view.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const [audit] = await auditRows(org.id, 'token.created');
    expect(JSON.stringify({ ...audit, id: String(audit?.id) })).not.toContain(token);
    expect(audit).toMatchObject({ targetId: view.id, after: { name: 'MDM sync', scopes: ['templates:read'] } });
  });

  it('authenticates with the token and resolves the member’s current role', async () => {
    const { owner, admin } = await createOrganizationWithMembers();
    const { token, view } = await createToken(admin, { name: 'ci', scopes: ['templates:read', 'templates:write'] });
    const actor = await requireToken(apiRequest('/api/v1/templates', { token }), 'templates:read');
    expect(actor).toMatchObject({ kind: 'token', tokenId: view.id, userId: admin.userId, orgId: admin.orgId, role: 'ADMIN', scopes: ['templates:read', 'templates:write'] });
    expect((await listTokens(owner)).find((t) => t.id === view.id)?.lastUsedAt).toBeInstanceOf(Date);
  });

  it('rejects a token without the route’s scope with 403', async () => {
    const { admin } = await createOrganizationWithMembers();
    const { token } = await createToken(admin, { name: 'read only', scopes: ['templates:read'] });
    await expect(requireToken(apiRequest('/x', { token }), 'events:write')).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('stops working the moment it is revoked, with an audit row', async () => {
    const { org, owner, admin } = await createOrganizationWithMembers();
    const { token, view } = await createToken(admin, { name: 'ci', scopes: ['templates:read'] });
    await revokeToken(owner, { tokenId: view.id });
    await expect(requireToken(apiRequest('/x', { token }), 'templates:read')).rejects.toBeInstanceOf(UnauthorizedError);
    expect((await listTokens(owner)).find((t) => t.id === view.id)?.revokedAt).toBeInstanceOf(Date);
    expect(await auditRows(org.id, 'token.revoked')).toHaveLength(1);
    await revokeToken(owner, { tokenId: view.id }); // idempotent, no second row
    expect(await auditRows(org.id, 'token.revoked')).toHaveLength(1);
  });

  it('stops working when its member leaves the organization', async () => {
    const { owner, admin } = await createOrganizationWithMembers();
    const { token } = await createToken(admin, { name: 'ci', scopes: ['templates:read'] });
    await removeMember(owner, { userId: admin.userId });
    await expect(requireToken(apiRequest('/x', { token }), 'templates:read')).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('is managed by owners and admins only', async () => {
    const { editor, auditor } = await createOrganizationWithMembers();
    for (const actor of [editor, auditor]) {
      await expect(createToken(actor, { name: 'x', scopes: ['templates:read'] })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listTokens(actor)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it('lists and revokes only within the caller’s organization', async () => {
    const a = await createOrganizationWithMembers();
    const b = await createOrganizationWithMembers();
    const { view } = await createToken(b.admin, { name: 'b-token', scopes: ['templates:read'] });
    expect((await listTokens(a.owner)).map((t) => t.id)).not.toContain(view.id);
    await expect(revokeToken(a.owner, { tokenId: view.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listTokens(b.owner)).find((t) => t.id === view.id)?.revokedAt).toBeNull();
  });

  it('validates names and scopes and writes nothing on bad input', async () => {
    const { org, owner } = await createOrganizationWithMembers();
    for (const input of [{ name: '', scopes: ['templates:read'] }, { name: 'x', scopes: [] }, { name: 'x', scopes: ['admin:all'] }, { name: 'x', scopes: ['templates:read'], owner: 'me' }]) {
      await expect(createToken(owner, input)).rejects.toBeInstanceOf(ValidationError);
    }
    expect(await getPrisma().apiToken.count({ where: { orgId: org.id } })).toBe(0);
  });
});
