import { describe, expect, it } from 'vitest';
import * as purgeRoute from '@/app/api/v1/templates/[id]/purge-secrets/route';
import { getPrisma } from '@/lib/db/client';
import { downloadTeamPolicy, downloadTemplate } from '@/lib/downloads/downloads';
import type { PolicySettings } from '@/lib/policy/settings';
import { getEffectivePolicy, listTeamRisks } from '@/lib/teams/effective';
import { assignOrgPolicy, assignTeamPolicy, createTeam, setProjectOverrides } from '@/lib/teams/teams';
import { importTemplateFile } from '@/lib/templates/import';
import { archiveTemplate, createTemplate, diffVersions, getTemplate, listVersions, purgeTemplateSecrets, rollbackTemplate, saveTemplateVersion } from '@/lib/templates/templates';
import { api, registerRoutes, type RouteModule } from '../helpers/api';
import { auditRows, createOrganizationWithMembers, createTokenFor, unique } from '../helpers/factories';

registerRoutes([[/^\/api\/v1\/templates\/([^/]+)\/purge-secrets$/, ['id'], purgeRoute as RouteModule]]);


const TOKEN = 'ghp_0123456789abcdefghijABCDEFGHIJ012345';
const withSecret: PolicySettings = { mcpServers: { github: { command: 'npx', args: ['-y', 'server-github'], env: { GITHUB_TOKEN: TOKEN } } } };
const risky = { trustedCommands: ['curl https://get.example.sh | sh', '*'] };

const text = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? String(v) : v));

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as { code?: string; details?: { issues?: { path: string; message: string }[] } },
  );
  expect(error, 'the write should have been refused').not.toBeNull();
  return { code: error!.code, paths: (error!.details?.issues ?? []).map((issue) => issue.path) };
}

async function teamWith(actor: Parameters<typeof createTeam>[0], environment: 'development' | 'production' = 'development') {
  return createTeam(actor, { name: unique('Team'), slug: unique('team'), environment });
}

describe('one risk gate on every write path (issue 8, item 7)', () => {
  it('refuses project overrides that trust `*` until acknowledged, and stores the acknowledgement', async () => {
    const { editor, org } = await createOrganizationWithMembers();
    const team = await teamWith(editor);
    const refused = await rejection(setProjectOverrides(editor, team.id, 'web', { overrides: risky }));
    expect(refused).toEqual({ code: 'validation_failed', paths: ['overrides.trustedCommands[1]', 'acknowledgeRisks'] });
    expect(await getPrisma().project.count({ where: { teamId: team.id } })).toBe(0);

    const saved = await setProjectOverrides(editor, team.id, 'web', { overrides: risky, acknowledgeRisks: ['trust-all'] });
    expect(saved.acknowledgedRisks).toEqual(['trust-all']);
    expect((await getPrisma().project.findFirstOrThrow({ where: { teamId: team.id } })).acknowledgedRisks).toEqual(['trust-all']);
    const [row] = await auditRows(org.id, 'project.overrides_set');
    expect(row?.after).toMatchObject({ acknowledgedRisks: ['trust-all'] });
  });

  it('validates project overrides like a template (control characters, http(s) urls)', async () => {
    const { editor } = await createOrganizationWithMembers();
    const team = await teamWith(editor);
    const refused = await rejection(setProjectOverrides(editor, team.id, 'web', { overrides: { gitignore: ['node_modules\n!.env'], mcpServers: { x: { url: 'javascript:alert(1)' } } } }));
    expect(refused.code).toBe('validation_failed');
    expect(refused.paths.sort()).toEqual(['overrides.gitignore[0]', 'overrides.mcpServers.x.url']);
  });

  it('shows a risky project on the team list (per team and per project)', async () => {
    const { editor } = await createOrganizationWithMembers();
    const team = await teamWith(editor);
    const clean = await createTemplate(editor, { name: unique('Clean'), settings: { trustedCommands: ['npm test'] } });
    await assignTeamPolicy(editor, team.id, { templateId: clean.id });
    await setProjectOverrides(editor, team.id, 'web', { overrides: risky, acknowledgeRisks: ['trust-all'] });
    await setProjectOverrides(editor, team.id, 'docs', { overrides: { mode: 'supervised' } });
    const risks = await listTeamRisks(editor);
    expect(risks[team.id]).toMatchObject({ risk: 'none', projects: { web: { risk: 'critical' }, docs: { risk: 'none' } } });
    expect(risks[team.id]!.projects.web!.counts.critical).toBe(1);
    expect((await getEffectivePolicy(editor, team.id, 'web')).findings.map((f) => f.rule)).toContain('trust-all');
  });

  it('refuses `*` on rollback unless acknowledged again', async () => {
    const { editor } = await createOrganizationWithMembers();
    const created = await createTemplate(editor, { name: unique('T'), settings: risky, acknowledgeRisks: ['trust-all'] });
    await saveTemplateVersion(editor, created.id, { settings: { trustedCommands: ['npm test'] }, baseVersion: 1 });
    expect(await rejection(rollbackTemplate(editor, created.id, { toVersion: 1, baseVersion: 2 }))).toMatchObject({ code: 'validation_failed' });
    const rolled = await rollbackTemplate(editor, created.id, { toVersion: 1, baseVersion: 2, acknowledgeRisks: ['trust-all'] });
    expect(rolled.latestVersion).toBe(3);
  });

  it('refuses an imported `*` or secret without the acknowledgement', async () => {
    const { editor } = await createOrganizationWithMembers();
    const file = new TextEncoder().encode(JSON.stringify({ permissions: { allow: ['Bash(*)'] } }));
    const base = { bytes: file, fileName: 'managed-settings.json', format: 'claude-code', name: unique('Imp'), templateId: null, acknowledgeDroppedControls: false };
    const result = await importTemplateFile(editor, { ...base, acknowledgeRisks: [] }).then(
      () => 'saved',
      (e: { code: string }) => e.code,
    );
    expect(result).toBe('validation_failed');
  });

  it('refuses an import that drops a security control unless acknowledged, in the one lib gate', async () => {
    const { editor, org } = await createOrganizationWithMembers();
    const file = new TextEncoder().encode(JSON.stringify({ permissions: { deny: ['Bash(rm -rf *)', 'Read(./.env)'] } }));
    const base = { bytes: file, fileName: 'managed-settings.json', format: 'claude-code', name: unique('Drop'), templateId: null, acknowledgeRisks: [] };
    const before = await getPrisma().policyTemplate.count({ where: { orgId: org.id } });
    expect((await rejection(importTemplateFile(editor, { ...base, acknowledgeDroppedControls: false }))).code).toBe('dropped_controls');
    expect(await getPrisma().policyTemplate.count({ where: { orgId: org.id } })).toBe(before);
    const saved = await importTemplateFile(editor, { ...base, acknowledgeDroppedControls: true });
    expect(saved.droppedControls.length).toBeGreaterThan(0);
    expect(saved.droppedControls[0]).toHaveProperty('impact');
  });
});

describe('literal secrets (issue 8, item 8)', () => {
  it('are refused on create and save unless acknowledged', async () => {
    const { editor, org } = await createOrganizationWithMembers();
    const refused = await rejection(createTemplate(editor, { name: unique('S'), settings: withSecret }));
    expect(refused).toEqual({ code: 'validation_failed', paths: ['settings.mcpServers.github.env.GITHUB_TOKEN', 'acknowledgeRisks'] });
    const blank = await createTemplate(editor, { name: unique('S') });
    expect((await rejection(saveTemplateVersion(editor, blank.id, { settings: withSecret, baseVersion: 1 }))).code).toBe('validation_failed');
    expect(await getPrisma().policyVersion.count({ where: { orgId: org.id } })).toBe(1);
  });

  it('when acknowledged, are stored but never copied into audit rows or diffs', async () => {
    const { editor, org } = await createOrganizationWithMembers();
    const created = await createTemplate(editor, { name: unique('S'), settings: withSecret, acknowledgeRisks: ['hardcoded-secret'] });
    await saveTemplateVersion(editor, created.id, { settings: { mode: 'supervised' }, baseVersion: 1 });
    expect(text((await getTemplate(editor, created.id, { version: 1 })).settings)).toContain(TOKEN);
    for (const row of await auditRows(org.id)) expect(text(row)).not.toContain(TOKEN);
    const diff = await diffVersions(editor, created.id, 1, 2);
    expect(text(diff)).not.toContain(TOKEN);
    expect(text(diff)).toContain('[REDACTED]');
  });

  it('are masked in the audit rows of project overrides', async () => {
    const { editor, org } = await createOrganizationWithMembers();
    const team = await teamWith(editor);
    expect((await rejection(setProjectOverrides(editor, team.id, 'web', { overrides: withSecret }))).code).toBe('validation_failed');
    await setProjectOverrides(editor, team.id, 'web', { overrides: withSecret, acknowledgeRisks: ['hardcoded-secret'] });
    for (const row of await auditRows(org.id)) expect(text(row)).not.toContain(TOKEN);
  });

  it('can be purged from versions that already hold one, audited, while versions stay otherwise immutable', async () => {
    const { editor, admin, org } = await createOrganizationWithMembers();
    const created = await createTemplate(editor, { name: unique('Legacy') });
    // A version saved before the gate existed: written straight to the table.
    await getPrisma().policyVersion.create({
      data: { orgId: org.id, templateId: created.id, version: 2, settings: withSecret, note: 'old', authorLabel: 'someone' },
    });
    await getPrisma().policyTemplate.update({ where: { id: created.id }, data: { latestVersion: 2 } });
    const before = await downloadTemplate(editor, created.id, { format: 'kiro-mcp' });
    expect(new TextDecoder().decode(before.bytes)).toContain(TOKEN);
    expect((await listVersions(editor, created.id)).map((v) => [v.version, v.holdsSecret])).toEqual([
      [2, true],
      [1, false],
    ]);

    await expect(purgeTemplateSecrets(editor, created.id)).rejects.toMatchObject({ code: 'forbidden' });
    const { status, body } = await api('POST', `/api/v1/templates/${created.id}/purge-secrets`, { token: (await createTokenFor(admin, ['templates:read', 'templates:write'])).token });
    expect(status).toBe(200);
    expect(body).toEqual({ versions: [2] });

    const version = await getPrisma().policyVersion.findFirstOrThrow({ where: { templateId: created.id, version: 2 } });
    expect(version.settings).toEqual({ mcpServers: { github: { command: 'npx', args: ['-y', 'server-github'], env: { GITHUB_TOKEN: '${GITHUB_TOKEN}' } } } });
    expect(version).toMatchObject({ note: 'old', authorLabel: 'someone', secretsPurgedAt: expect.any(Date) });
    const after = await downloadTemplate(editor, created.id, { format: 'kiro-mcp' });
    expect(new TextDecoder().decode(after.bytes)).not.toContain(TOKEN);
    expect((await listVersions(editor, created.id))[0]).toMatchObject({ holdsSecret: false });

    const [row] = await auditRows(org.id, 'template.secrets_purged');
    expect(row?.details).toEqual({ name: created.name, versions: [{ version: 2, fields: ['mcpServers.github.env.GITHUB_TOKEN'] }] });
    expect(text(row)).not.toContain(TOKEN);

    // The trigger still refuses every other change, also of a purged version.
    await expect(getPrisma().policyVersion.update({ where: { id: version.id }, data: { note: 'changed' } })).rejects.toThrow(/immutable/);
    await expect(getPrisma().$executeRaw`UPDATE policy_version SET settings = '{}'::jsonb, secrets_purged_at = now() WHERE id = ${version.id}::uuid`).rejects.toThrow(/immutable/);
  });
});

describe('smaller items (issue 8, item 16)', () => {
  it('never leaves an archived template assigned when archive and assign race', async () => {
    const { admin } = await createOrganizationWithMembers();
    const team = await teamWith(admin);
    for (let i = 0; i < 15; i++) {
      const template = await createTemplate(admin, { name: unique('Race') });
      await Promise.allSettled([archiveTemplate(admin, template.id), i % 2 ? assignTeamPolicy(admin, team.id, { templateId: template.id }) : assignOrgPolicy(admin, { templateId: template.id })]);
      const state = await getPrisma().policyTemplate.findUniqueOrThrow({ where: { id: template.id }, select: { archivedAt: true, teams: { select: { id: true } }, orgPolicies: { select: { orgId: true } } } });
      const assigned = state.teams.length + state.orgPolicies.length > 0;
      expect(state.archivedAt !== null && assigned, `pair ${i}: archived and assigned`).toBe(false);
      await assignTeamPolicy(admin, team.id, { templateId: null });
      await assignOrgPolicy(admin, { templateId: null });
    }
  });

  it('imports a 1 MB firewall file of invalid lines quickly, with capped warnings and a small audit row', async () => {
    const { editor, org } = await createOrganizationWithMembers();
    const lines = Array.from({ length: 128_851 }, (_, i) => `bad_${i}!`).join('\n');
    const file = new TextEncoder().encode(`ok.example.com\n${lines}`.slice(0, 1024 * 1024));
    const started = performance.now();
    const outcome = await importTemplateFile(editor, { bytes: file, fileName: 'firewall-allowlist.txt', format: 'firewall', name: unique('FW'), templateId: null, acknowledgeRisks: [], acknowledgeDroppedControls: false });
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(outcome.warnings).toHaveLength(101);
    expect(outcome.warnings.at(-1)).toMatch(/^…and \d+ more warnings like these\.$/);
    const [row] = await auditRows(org.id, 'template.created');
    expect(text(row).length).toBeLessThan(100_000);
  });

  it('bounds a coverage request (a 1 MB request by a read-only token is refused)', async () => {
    const { auditor } = await createOrganizationWithMembers();
    const { token } = await createTokenFor(auditor, ['templates:read']);
    const commands = Array.from({ length: 500 }, () => 'a && b; c | d '.repeat(140));
    const started = performance.now();
    const refused = await api('POST', '/api/v1/templates/coverage', { token, body: { trustedCommands: Array.from({ length: 500 }, (_, i) => `cmd${i} *`), commands } });
    expect(refused.status).toBe(400);
    expect(performance.now() - started).toBeLessThan(1000);
    const ok = await api('POST', '/api/v1/templates/coverage', { token, body: { trustedCommands: ['npm test'], commands: ['npm test', 'npm test && rm -rf /'] } });
    expect(ok.status).toBe(200);
  });

  it('names the team bundle after the team, not the template version', async () => {
    const { editor } = await createOrganizationWithMembers();
    const team = await teamWith(editor);
    const template = await createTemplate(editor, { name: unique('Named') });
    await assignTeamPolicy(editor, team.id, { templateId: template.id });
    await setProjectOverrides(editor, team.id, 'web', { overrides: { mode: 'supervised' } });
    const bundle = await downloadTeamPolicy(editor, team.id, { format: 'bundle' });
    expect(bundle.fileName).toBe(`${team.slug}-policy.zip`);
    const { unzipSync } = await import('fflate');
    const files = unzipSync(bundle.bytes);
    const readme = new TextDecoder().decode(files[`${team.slug}-policy/README.md`]);
    expect(readme).toContain(`# ${team.slug} — effective policy`);
    expect(readme).toContain(`the team template “${template.name}” v1`);
    const project = await downloadTeamPolicy(editor, team.id, { format: 'bundle', project: 'web' });
    expect(project.fileName).toBe(`${team.slug}-web-policy.zip`);
  });

  it('gives the four settings.json formats distinct download names', async () => {
    const { editor } = await createOrganizationWithMembers();
    const template = await createTemplate(editor, { name: unique('Files') });
    const names = await Promise.all(
      (['kiro-project', 'kiro-global', 'kiro-ide', 'gemini-cli', 'claude-code', 'kiro-mcp'] as const).map(async (format) => (await downloadTemplate(editor, template.id, { format })).fileName),
    );
    expect(names).toEqual(['kiro-project.settings.json', 'kiro-global.settings.json', 'kiro-ide.settings.json', 'gemini-cli.settings.json', 'managed-settings.json', 'mcp.json']);
  });
});
