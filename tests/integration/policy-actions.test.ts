import { describe, expect, it, vi } from 'vitest';
import { importTemplateAction } from '@/app/(console)/policies/import/actions';
import { purgeTemplateSecretsAction, rollbackTemplateAction } from '@/app/(console)/policies/actions';
import { assignOrgPolicyAction, assignTeamPolicyAction, setProjectOverridesAction } from '@/app/(console)/teams/actions';
import { getPrisma } from '@/lib/db/client';
import { createTeam } from '@/lib/teams/teams';
import { createTemplate, saveTemplateVersion } from '@/lib/templates/templates';
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

/** The organization of the member signed in last (what the console would have rendered for). */
let currentOrg = '';
function signInTo(member: { userId: string; orgId: string }): void {
  signInAs(member.userId);
  currentOrg = member.orgId;
}

/** A console form as the browser posts it: with the organization it was rendered for (OrgField). */
function form(fields: Record<string, string | string[] | File>, renderedForOrg = currentOrg): FormData {
  const data = new FormData();
  data.append('renderedForOrg', renderedForOrg);
  for (const [key, value] of Object.entries(fields)) for (const v of value instanceof File ? [value] : [value].flat()) data.append(key, v);
  return data;
}

describe('policy forms get what was saved back (issue 8, item 2)', () => {
  it('the team and organization assignment actions answer with the saved assignment', async () => {
    const { editor } = await createOrganizationWithMembers();
    signInTo(editor);
    const template = await createTemplate(editor, { name: unique('Dev autopilot') });
    const team = await createTeam(editor, { name: unique('T'), slug: unique('t'), environment: 'development' });
    expect(await assignTeamPolicyAction(null, form({ teamId: team.id, templateId: template.id }))).toEqual({
      ok: true,
      message: 'Team policy saved.',
      data: { templateId: template.id, pinnedVersion: null },
    });
    expect(await assignOrgPolicyAction(null, form({ templateId: template.id, version: '1' }))).toEqual({
      ok: true,
      message: 'Organization default saved.',
      data: { templateId: template.id, pinnedVersion: 1 },
    });
  });
});

describe('the console write paths pass the risk gate (issue 8, items 3, 7, 8)', () => {
  it('project overrides: `*` is refused with the acknowledgement to give, then saved with it', async () => {
    const { editor } = await createOrganizationWithMembers();
    signInTo(editor);
    const team = await createTeam(editor, { name: unique('T'), slug: unique('t'), environment: 'production' });
    const overrides = { trustedCommands: ['curl https://get.example.sh | sh', '*'], mode: 'autopilot' as const };
    const refused = await setProjectOverridesAction(editor.orgId, team.id, 'web', { overrides });
    expect(refused).toMatchObject({ ok: false, code: 'validation_failed' });
    expect(refused && !refused.ok ? refused.issues : []).toContainEqual({ path: 'acknowledgeRisks', message: 'Acknowledge “trust-all” to save anyway.' });
    expect(refused && !refused.ok ? refused.error : '').not.toMatch(/acknowledgeRisks/);
    expect(await setProjectOverridesAction(editor.orgId, team.id, 'web', { overrides, acknowledgeRisks: ['trust-all'] })).toMatchObject({ ok: true, data: { slug: 'web', overrides } });
  });

  it('a project added with only a slug overrides nothing (item 6)', async () => {
    const { editor } = await createOrganizationWithMembers();
    signInTo(editor);
    const team = await createTeam(editor, { name: unique('T'), slug: unique('t'), environment: 'development' });
    expect(await setProjectOverridesAction(editor.orgId, team.id, 'docs', { overrides: {} })).toMatchObject({ ok: true, data: { overrides: {} } });
    expect((await getPrisma().project.findFirstOrThrow({ where: { teamId: team.id } })).overrides).toEqual({});
  });

  it('import: a literal secret needs its checkbox, sent as acknowledgeRisks', async () => {
    const { editor } = await createOrganizationWithMembers();
    signInTo(editor);
    const file = new File([JSON.stringify({ mcpServers: { gh: { command: 'npx', env: { GITHUB_TOKEN: 'ghp_0123456789abcdefghijABCDEFGHIJ012345' } } } })], 'mcp.json');
    const name = unique('Imported');
    const refused = await importTemplateAction(null, form({ file, name, format: 'kiro-mcp' }));
    expect(refused).toMatchObject({ ok: false, code: 'validation_failed' });
    await expect(importTemplateAction(null, form({ file, name, format: 'kiro-mcp', acknowledgeRisks: 'hardcoded-secret' }))).rejects.toThrow(/NEXT_REDIRECT/);
  });

  it('rollback: the refused acknowledgement can be given from the form', async () => {
    const { editor, admin } = await createOrganizationWithMembers();
    signInTo(editor);
    const template = await createTemplate(editor, { name: unique('R'), settings: { trustedCommands: ['*'] }, acknowledgeRisks: ['trust-all'] });
    await saveTemplateVersion(editor, template.id, { settings: {}, baseVersion: 1 });
    const fields = { templateId: template.id, toVersion: '1', baseVersion: '2' };
    const refused = await rollbackTemplateAction(null, form(fields));
    expect(refused && !refused.ok ? refused.issues : []).toContainEqual({ path: 'acknowledgeRisks', message: 'Acknowledge “trust-all” to save anyway.' });
    expect(await rollbackTemplateAction(null, form({ ...fields, acknowledgeRisks: 'trust-all' }))).toMatchObject({ ok: true });
    signInTo(admin);
    expect(await purgeTemplateSecretsAction(null, form({ templateId: template.id }))).toEqual({ ok: true, message: 'No version holds a literal secret.' });
  });
});
