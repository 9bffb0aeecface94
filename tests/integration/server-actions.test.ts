import { describe, expect, it, vi } from 'vitest';
import { addMemberAction, changeRoleAction, removeMemberAction } from '@/app/(console)/settings/members/actions';
import { createTokenAction, revokeTokenAction } from '@/app/(console)/settings/tokens/actions';
import { listMembers } from '@/lib/members/members';
import { listTokens } from '@/lib/tokens/tokens';
import { createOrganizationWithMembers, unique } from '../helpers/factories';
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

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

describe('server actions authorize the caller themselves', () => {
  it('redirect to /login without a session (the proxy is not the boundary)', async () => {
    signInAs(null);
    await expect(addMemberAction(null, form({ email: 'x@example.com', role: 'OWNER', password: 'a long enough password' }))).rejects.toThrow(/NEXT_REDIRECT/);
  });

  it('let an owner add a member, change the role and remove them', async () => {
    const { owner } = await createOrganizationWithMembers();
    signInAs(owner.userId);
    const email = `${unique('act')}@example.com`;
    expect(await addMemberAction(null, form({ email, role: 'EDITOR', password: 'a long enough password', name: '' }))).toEqual({ ok: true, message: `${email} was added.` });
    const added = (await listMembers(owner)).find((m) => m.email === email)!;
    expect(await changeRoleAction(null, form({ userId: added.userId, role: 'AUDITOR' }))).toEqual({ ok: true, message: 'Role updated.' });
    expect((await listMembers(owner)).find((m) => m.email === email)?.role).toBe('AUDITOR');
    expect(await removeMemberAction(null, form({ userId: owner.userId }))).toMatchObject({ ok: false, code: 'conflict' });
    expect(await removeMemberAction(null, form({ userId: added.userId }))).toEqual({ ok: true, message: 'Member removed.' });
    expect((await listMembers(owner)).map((m) => m.email)).not.toContain(email);
  });

  it('return the typed error to the form for a forbidden caller', async () => {
    const { editor, admin } = await createOrganizationWithMembers();
    signInAs(editor.userId);
    expect(await changeRoleAction(null, form({ userId: admin.userId, role: 'AUDITOR' }))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await removeMemberAction(null, form({ userId: admin.userId }))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await createTokenAction(null, form({ name: 'x', scopes: ['templates:read'] }))).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('return validation issues by field', async () => {
    const { owner } = await createOrganizationWithMembers();
    signInAs(owner.userId);
    const result = await addMemberAction(null, form({ email: 'bad', role: 'OWNER', password: 'short' }));
    expect(result).toMatchObject({ ok: false, code: 'validation_failed' });
    expect(result && !result.ok ? result.issues?.map((i) => i.path).sort() : []).toEqual(['email', 'password']);
  });

  it('create a token once and revoke it', async () => {
    const { owner } = await createOrganizationWithMembers();
    signInAs(owner.userId);
    const created = await createTokenAction(null, form({ name: 'deploy', scopes: ['templates:read', 'reports:read'] }));
    expect(created).toMatchObject({ ok: true, data: { name: 'deploy', token: expect.stringMatching(/^plt_/) } });
    const [token] = await listTokens(owner);
    expect(await revokeTokenAction(null, form({ tokenId: token!.id }))).toEqual({ ok: true, message: 'Token revoked.' });
  });

  it('act in the active organization only when the user is a member of it', async () => {
    const a = await createOrganizationWithMembers();
    const b = await createOrganizationWithMembers();
    signInAs(a.owner.userId, b.org.id); // a forged cookie naming another organization
    await createTokenAction(null, form({ name: 'where', scopes: ['templates:read'] }));
    expect((await listTokens(a.owner)).map((t) => t.name)).toContain('where');
    expect((await listTokens(b.owner)).map((t) => t.name)).not.toContain('where');
  });
});
