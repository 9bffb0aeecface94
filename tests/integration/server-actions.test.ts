import { describe, expect, it, vi } from 'vitest';
import { changeRoleAction, inviteMemberAction, removeMemberAction, revokeInvitationAction } from '@/app/(console)/settings/members/actions';
import { createTeamAction } from '@/app/(console)/teams/actions';
import { saveTemplateVersionAction } from '@/app/(console)/policies/actions';
import { apiRoute } from '@/lib/http/route';
import { getPrisma } from '@/lib/db/client';
import { createTemplate } from '@/lib/templates/templates';
import { listInvitations } from '@/lib/members/invitations';
import { createTokenAction, revokeTokenAction } from '@/app/(console)/settings/tokens/actions';
import { listMembers } from '@/lib/members/members';
import { listTokens } from '@/lib/tokens/tokens';
import { auditRows, createMember, createOrganization, createOrganizationWithMembers, unique } from '../helpers/factories';
import { signInAs } from '../helpers/session';

vi.mock('next-auth', async (importOriginal) => {
  const { serverSession } = await import('../helpers/session');
  return { ...(await importOriginal<object>()), getServerSession: async () => serverSession() };
});
vi.mock('next/headers', async () => {
  const { session } = await import('../helpers/session');
  return {
    cookies: async () => ({ get: (name: string) => (name === 'pilotlight-org' && session.activeOrg ? { name, value: session.activeOrg } : undefined), set: () => {} }),
    headers: async () => new Headers(),
  };
});
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

/** A console form as the browser posts it, with the organization it was rendered for (OrgField). */
function form(fields: Record<string, string | string[]>, renderedForOrg?: string): FormData {
  const data = new FormData();
  if (renderedForOrg !== undefined) data.append('renderedForOrg', renderedForOrg);
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

describe('server actions authorize the caller themselves', () => {
  it('redirect to /login without a session (the proxy is not the boundary)', async () => {
    signInAs(null);
    await expect(inviteMemberAction(null, form({ email: 'x@example.com', role: 'OWNER' }, 'any'))).rejects.toThrow(/NEXT_REDIRECT/);
  });

  it('let an owner invite (a link shown once), withdraw the invitation, change a role and remove a member', async () => {
    const { org, owner, editor } = await createOrganizationWithMembers();
    signInAs(owner.userId);
    const email = `${unique('act')}@example.com`;
    const invited = await inviteMemberAction(null, form({ email, role: 'EDITOR' }, org.id));
    expect(invited).toMatchObject({ ok: true, message: `Invitation created for ${email}.`, data: { email, link: expect.stringMatching(/\/invite\/[A-Za-z0-9_-]{43}$/) } });
    const [invitation] = await listInvitations(owner);
    expect(await revokeInvitationAction(null, form({ invitationId: invitation!.id }, org.id))).toEqual({ ok: true, message: 'Invitation withdrawn.' });
    expect(await listInvitations(owner)).toHaveLength(0);
    expect(await changeRoleAction(null, form({ userId: editor.userId, role: 'AUDITOR' }, org.id))).toEqual({ ok: true, message: 'Role updated.' });
    expect((await listMembers(owner)).find((m) => m.userId === editor.userId)?.role).toBe('AUDITOR');
    expect(await removeMemberAction(null, form({ userId: owner.userId }, org.id))).toMatchObject({ ok: false, code: 'conflict' });
    expect(await removeMemberAction(null, form({ userId: editor.userId }, org.id))).toEqual({ ok: true, message: 'Member removed.' });
    expect((await listMembers(owner)).map((m) => m.userId)).not.toContain(editor.userId);
  });

  it('return the typed error to the form for a forbidden caller', async () => {
    const { org, editor, admin } = await createOrganizationWithMembers();
    signInAs(editor.userId);
    expect(await changeRoleAction(null, form({ userId: admin.userId, role: 'AUDITOR' }, org.id))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await removeMemberAction(null, form({ userId: admin.userId }, org.id))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await createTokenAction(null, form({ name: 'x', scopes: ['templates:read'] }, org.id))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await inviteMemberAction(null, form({ email: `${unique('x')}@example.com`, role: 'EDITOR' }, org.id))).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('return validation issues by field', async () => {
    const { org, owner } = await createOrganizationWithMembers();
    signInAs(owner.userId);
    // An admin no longer sets anyone's password: the field is unknown now.
    const result = await inviteMemberAction(null, form({ email: 'bad', role: 'OWNER', password: 'a long enough password' }, org.id));
    expect(result).toMatchObject({ ok: false, code: 'validation_failed' });
    expect(result && !result.ok ? result.issues?.map((i) => i.path).sort() : []).toEqual(['email', 'password']);
  });

  it('create a token once and revoke it', async () => {
    const { org, owner } = await createOrganizationWithMembers();
    signInAs(owner.userId);
    const created = await createTokenAction(null, form({ name: 'deploy', scopes: ['templates:read', 'reports:read'] }, org.id));
    expect(created).toMatchObject({ ok: true, data: { name: 'deploy', token: expect.stringMatching(/^plt_/) } });
    const [token] = await listTokens(owner);
    expect(await revokeTokenAction(null, form({ tokenId: token!.id }, org.id))).toEqual({ ok: true, message: 'Token revoked.' });
  });

  it('act in the active organization only when the user is a member of it', async () => {
    const a = await createOrganizationWithMembers();
    const b = await createOrganizationWithMembers();
    signInAs(a.owner.userId, b.org.id); // a forged cookie naming another organization
    await createTokenAction(null, form({ name: 'where', scopes: ['templates:read'] }, a.org.id));
    expect((await listTokens(a.owner)).map((t) => t.name)).toContain('where');
    expect((await listTokens(b.owner)).map((t) => t.name)).not.toContain('where');
  });
});

describe('a form acts only in the organization it was rendered for (issue 8, item 16)', () => {
  async function memberOfTwo() {
    const a = await createOrganization();
    const b = await createOrganization();
    const user = await createMember(a.id, 'OWNER');
    await getPrisma().membership.create({ data: { orgId: b.id, userId: user.userId, role: 'OWNER' } });
    return { a, b, user };
  }

  it('after the membership in B ended, a form rendered for B is refused instead of acting in A, and nothing is written', async () => {
    const { a, b, user } = await memberOfTwo();
    signInAs(user.userId, b.id); // the console showed B
    await getPrisma().membership.delete({ where: { orgId_userId: { orgId: b.id, userId: user.userId } } });
    // The active-organization cookie still names B; the session now falls back to A.
    const tokensBefore = await getPrisma().apiToken.count({ where: { userId: user.userId } });
    const auditBefore = (await auditRows(a.id)).length;
    const results = [
      await createTokenAction(null, form({ name: unique('stray'), scopes: ['templates:read'] }, b.id)),
      await createTeamAction(null, form({ name: unique('Stray'), slug: unique('stray'), environment: 'development' }, b.id)),
      await inviteMemberAction(null, form({ email: `${unique('stray')}@example.com`, role: 'OWNER' }, b.id)),
    ];
    for (const result of results) expect(result).toMatchObject({ ok: false, code: 'organization_changed', error: expect.stringMatching(/Nothing was saved/) });
    expect(await getPrisma().apiToken.count({ where: { userId: user.userId } })).toBe(tokensBefore);
    expect(await getPrisma().team.count({ where: { orgId: a.id } })).toBe(0);
    expect(await getPrisma().memberInvitation.count({ where: { orgId: a.id } })).toBe(0);
    expect(await auditRows(a.id)).toHaveLength(auditBefore);
  });

  it('a JSON-shaped action (the template editor) is refused the same way', async () => {
    const { a, b, user } = await memberOfTwo();
    const template = await createTemplate({ ...user, orgId: a.id }, { name: unique('T') });
    signInAs(user.userId, a.id);
    const result = await saveTemplateVersionAction(b.id, template.id, { settings: { mode: 'autopilot' }, baseVersion: 1 });
    expect(result).toMatchObject({ ok: false, code: 'organization_changed' });
    expect(await getPrisma().policyVersion.count({ where: { templateId: template.id } })).toBe(1);
    expect(await saveTemplateVersionAction(a.id, template.id, { settings: { mode: 'autopilot' }, baseVersion: 1 })).toMatchObject({ ok: true });
  });

  it('a form that does not say where it was rendered is refused', async () => {
    const { org, owner } = await createOrganizationWithMembers();
    signInAs(owner.userId);
    expect(await createTokenAction(null, form({ name: unique('nowhere'), scopes: ['templates:read'] }))).toMatchObject({ ok: false, code: 'organization_changed' });
    expect(await listTokens(owner)).toHaveLength(0);
    expect(await auditRows(org.id, 'token.created')).toHaveLength(0);
  });

  it('a session API request (browser upload) with X-Pilotlight-Org of another organization is refused before the handler runs', async () => {
    const { a, b, user } = await memberOfTwo();
    signInAs(user.userId, a.id);
    let ran = 0;
    const route = apiRoute('events:write', async () => ({ ran: ++ran }), { session: true });
    const call = (org: string) =>
      route(new Request('http://localhost/api/v1/uploads', { method: 'POST', headers: { 'sec-fetch-site': 'same-origin', 'x-pilotlight-org': org }, body: 'x' }), { params: Promise.resolve({}) });
    const refused = await call(b.id);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: 'organization_changed' } });
    expect(ran).toBe(0);
    expect((await call(a.id)).status).toBe(200);
    expect(ran).toBe(1);
  });
});
