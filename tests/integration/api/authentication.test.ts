import { describe, expect, it } from 'vitest';
import { GET as listTemplates } from '@/app/api/v1/templates/route';
import { removeMember } from '@/lib/members/members';
import { revokeToken } from '@/lib/tokens/tokens';
import { createOrganizationWithMembers, createTokenFor } from '../../helpers/factories';
import { apiRequest, call, errorCode } from '../../helpers/http';

describe('API authentication (GET /api/v1/templates)', () => {
  it.each([
    ['no Authorization header', undefined],
    ['a malformed token', 'plt_short'],
    ['an unknown token', `plt_${'x'.repeat(40)}`],
  ])('401 with %s, in the error shape', async (_label, token) => {
    const { status, body, response } = await call(listTemplates, apiRequest('/api/v1/templates', { token }));
    expect(status).toBe(401);
    expect(body).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('401 with a revoked token', async () => {
    const { owner, admin } = await createOrganizationWithMembers();
    const { token, tokenId } = await createTokenFor(admin, ['templates:read']);
    await revokeToken(owner, { tokenId });
    expect(errorCode((await call(listTemplates, apiRequest('/api/v1/templates', { token }))).body)).toBe('unauthorized');
  });

  it('401 when the token’s member has left', async () => {
    const { owner, editor } = await createOrganizationWithMembers();
    const { token } = await createTokenFor(editor, ['templates:read']);
    await removeMember(owner, { userId: editor.userId });
    expect((await call(listTemplates, apiRequest('/api/v1/templates', { token }))).status).toBe(401);
  });

  it('403 with a token lacking templates:read', async () => {
    const { admin } = await createOrganizationWithMembers();
    const { token } = await createTokenFor(admin, ['events:write', 'reports:read']);
    const { status, body } = await call(listTemplates, apiRequest('/api/v1/templates', { token }));
    expect(status).toBe(403);
    expect(body).toMatchObject({ error: { code: 'forbidden', details: { scope: 'templates:read' } } });
  });

  it.each(['owner', 'admin', 'editor', 'auditor'] as const)('200 for a %s token with templates:read', async (role) => {
    const org = await createOrganizationWithMembers();
    const { token } = await createTokenFor(org[role], ['templates:read']);
    const { status, body } = await call(listTemplates, apiRequest('/api/v1/templates', { token }));
    expect(status).toBe(200);
    expect(Array.isArray(body)).toBe(true);
  });
});
