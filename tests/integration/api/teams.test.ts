import { describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { auditRows, createOrganizationWithMembers, createTokenFor, unique } from '../../helpers/factories';
import { api } from '../../helpers/api';

async function setup() {
  const org = await createOrganizationWithMembers();
  const writer = (await createTokenFor(org.editor, ['templates:read', 'templates:write'])).token;
  const admin = (await createTokenFor(org.admin, ['templates:read', 'templates:write'])).token;
  return { ...org, writer, admin };
}

async function createTeam(token: string, environment: 'development' | 'production' = 'development') {
  const slug = unique('team');
  const { status, body } = await api('POST', '/api/v1/teams', { token, body: { name: `Team ${slug}`, slug, environment } });
  expect(status).toBe(201);
  return body as { id: string; slug: string; name: string };
}

async function createTemplate(token: string, settings: Record<string, unknown>) {
  const { body } = await api('POST', '/api/v1/templates', { token, body: { name: unique('tpl'), settings } });
  return body as { id: string };
}

describe('teams API', () => {
  it('creates, lists, renames and (as admin) deletes teams, with audit rows', async () => {
    const { org, writer, admin } = await setup();
    const team = await createTeam(writer, 'production');
    expect((await api('GET', '/api/v1/teams', { token: writer })).body).toEqual([expect.objectContaining({ id: team.id, environment: 'production', policy: null })]);
    const renamed = await api('PATCH', `/api/v1/teams/${team.id}`, { token: writer, body: { name: 'Payments' } });
    expect(renamed.body).toMatchObject({ name: 'Payments', slug: team.slug });
    expect((await api('DELETE', `/api/v1/teams/${team.id}`, { token: writer })).status).toBe(403);
    expect((await api('DELETE', `/api/v1/teams/${team.id}`, { token: admin })).status).toBe(204);
    expect((await api('GET', `/api/v1/teams/${team.id}`, { token: writer })).status).toBe(404);
    expect((await auditRows(org.id)).map((r) => r.action)).toEqual(['team.created', 'team.updated', 'team.deleted']);
  });

  it('validates teams and refuses duplicate slugs', async () => {
    const { writer } = await setup();
    const bad = await api('POST', '/api/v1/teams', { token: writer, body: { name: '', slug: 'Not A Slug!', environment: 'staging' } });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { details: { issues: { path: string }[] } } }).error.details.issues.map((i) => i.path).sort()).toEqual(['environment', 'name', 'slug']);
    const team = await createTeam(writer);
    expect((await api('POST', '/api/v1/teams', { token: writer, body: { name: 'Other', slug: team.slug, environment: 'development' } })).status).toBe(409);
  });

  it('computes the effective policy with the provenance of every leaf', async () => {
    const { org, writer } = await setup();
    const global = await createTemplate(writer, { telemetry: { enabled: false }, trustedCommands: ['git status'], network: { allowedDomains: ['a.example.com'] }, mcpServers: { docs: { url: 'https://docs.example.com/mcp' } } });
    const teamTemplate = await createTemplate(writer, { mode: 'autopilot', trustedCommands: ['npm test', 'npm run build'], mcpServers: { github: { command: 'npx', env: { GITHUB_TOKEN: '${GITHUB_TOKEN}' } } } });
    const team = await createTeam(writer);
    expect((await api('PUT', '/api/v1/org/policy', { token: writer, body: { templateId: global.id } })).status).toBe(200);
    expect((await api('PUT', `/api/v1/teams/${team.id}/policy`, { token: writer, body: { templateId: teamTemplate.id } })).status).toBe(200);
    const put = await api('PUT', `/api/v1/teams/${team.id}/projects/checkout`, { token: writer, body: { overrides: { trustedCommands: ['npm test'], sandbox: 'docker' } } });
    expect(put.status).toBe(200);

    const teamLevel = await api('GET', `/api/v1/teams/${team.id}/effective-policy`, { token: writer });
    expect(teamLevel.status).toBe(200);
    expect(teamLevel.body).toMatchObject({
      project: null,
      settings: { mode: 'autopilot', trustedCommands: ['npm test', 'npm run build'], sandbox: false, telemetry: { enabled: false, usageStatisticsEnabled: false }, network: { allowedDomains: ['a.example.com'] } },
      provenance: { mode: 'team', trustedCommands: 'team', sandbox: 'default', 'telemetry.enabled': 'global', 'telemetry.usageStatisticsEnabled': 'default', 'network.allowedDomains': 'global', 'mcpServers.docs': 'global', 'mcpServers.github': 'team' },
    });

    const projectLevel = await api('GET', `/api/v1/teams/${team.id}/effective-policy?project=checkout`, { token: writer });
    expect(projectLevel.body).toMatchObject({
      project: 'checkout',
      settings: { trustedCommands: ['npm test'], sandbox: 'docker', mode: 'autopilot' },
      provenance: { trustedCommands: 'project', sandbox: 'project', mode: 'team' },
      layers: [{ source: 'global' }, { source: 'team' }, { source: 'project', label: 'checkout' }],
    });
    expect((await api('GET', `/api/v1/teams/${team.id}/effective-policy?project=nope`, { token: writer })).status).toBe(404);
    expect((await auditRows(org.id, 'project.overrides_set'))[0]).toMatchObject({ before: null, after: { overrides: { trustedCommands: ['npm test'], sandbox: 'docker' } } });
  });

  it('lints the effective policy for the team’s environment', async () => {
    const { writer } = await setup();
    const template = await createTemplate(writer, { mode: 'autopilot' });
    const dev = await createTeam(writer, 'development');
    const prod = await createTeam(writer, 'production');
    for (const team of [dev, prod]) await api('PUT', `/api/v1/teams/${team.id}/policy`, { token: writer, body: { templateId: template.id } });
    const rules = async (id: string) =>
      ((await api('GET', `/api/v1/teams/${id}/effective-policy`, { token: writer })).body as { findings: { rule: string }[] }).findings.map((f) => f.rule);
    expect(await rules(dev.id)).toEqual([]);
    expect(await rules(prod.id)).toEqual(expect.arrayContaining(['production-autopilot', 'production-sandbox-off', 'production-shell-not-excluded']));
  });

  it('pins a version (and refuses one that does not exist)', async () => {
    const { writer } = await setup();
    const template = await createTemplate(writer, { mode: 'autopilot' });
    await api('PUT', `/api/v1/templates/${template.id}`, { token: writer, body: { settings: { mode: 'supervised' }, baseVersion: 1 } });
    const team = await createTeam(writer);
    const tooHigh = await api('PUT', `/api/v1/teams/${team.id}/policy`, { token: writer, body: { templateId: template.id, version: 3 } });
    expect(tooHigh.status).toBe(400);
    await api('PUT', `/api/v1/teams/${team.id}/policy`, { token: writer, body: { templateId: template.id, version: 1 } });
    const pinned = await api('GET', `/api/v1/teams/${team.id}/effective-policy`, { token: writer });
    expect(pinned.body).toMatchObject({ settings: { mode: 'autopilot' }, layers: [{ source: 'team', version: 1, pinned: true }] });
    await api('PUT', `/api/v1/teams/${team.id}/policy`, { token: writer, body: { templateId: template.id } });
    expect((await api('GET', `/api/v1/teams/${team.id}/effective-policy`, { token: writer })).body).toMatchObject({ settings: { mode: 'supervised' }, layers: [{ version: 2, pinned: false }] });
  });

  it('rejects invalid project overrides with paths, and deletes projects', async () => {
    const { writer } = await setup();
    const team = await createTeam(writer);
    const bad = await api('PUT', `/api/v1/teams/${team.id}/projects/web`, { token: writer, body: { overrides: { sandbox: 'vm', unknown: 1 } } });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { details: { issues: { path: string }[] } } }).error.details.issues.map((i) => i.path).sort()).toEqual(['overrides.sandbox', 'overrides.unknown']);
    expect((await api('PUT', `/api/v1/teams/${team.id}/projects/Bad Slug`, { token: writer, body: { overrides: {} } })).status).toBe(400);
    expect((await api('PUT', `/api/v1/teams/${team.id}/projects/web`, { token: writer, body: { overrides: { autoAccept: false } } })).status).toBe(200);
    expect((await api('GET', `/api/v1/teams/${team.id}/projects/web`, { token: writer })).body).toEqual({ slug: 'web', overrides: { autoAccept: false }, acknowledgedRisks: [] });
    expect((await api('DELETE', `/api/v1/teams/${team.id}/projects/web`, { token: writer })).status).toBe(204);
    expect((await api('GET', `/api/v1/teams/${team.id}/projects/web`, { token: writer })).status).toBe(404);
  });

  it('answers 404 for another organization’s team or template on every team route', async () => {
    const mine = await setup();
    const theirs = await setup();
    const team = await createTeam(theirs.writer);
    const template = await createTemplate(theirs.writer, {});
    const myTeam = await createTeam(mine.writer);
    const token = mine.admin;
    const responses = await Promise.all([
      api('GET', `/api/v1/teams/${team.id}`, { token }),
      api('PATCH', `/api/v1/teams/${team.id}`, { token, body: { name: 'hijacked' } }),
      api('DELETE', `/api/v1/teams/${team.id}`, { token }),
      api('PUT', `/api/v1/teams/${team.id}/policy`, { token, body: { templateId: null } }),
      api('PUT', `/api/v1/teams/${team.id}/projects/x`, { token, body: { overrides: {} } }),
      api('GET', `/api/v1/teams/${team.id}/projects/x`, { token }),
      api('DELETE', `/api/v1/teams/${team.id}/projects/x`, { token }),
      api('GET', `/api/v1/teams/${team.id}/effective-policy`, { token }),
      api('PUT', `/api/v1/teams/${myTeam.id}/policy`, { token, body: { templateId: template.id } }),
      api('PUT', '/api/v1/org/policy', { token, body: { templateId: template.id } }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404, 404, 404]);
    expect(await getPrisma().team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ name: team.name });
  });

  it('lets auditors read teams but not change them', async () => {
    const org = await setup();
    const auditor = (await createTokenFor(org.auditor, ['templates:read', 'templates:write'])).token;
    const team = await createTeam(org.writer);
    expect((await api('GET', `/api/v1/teams/${team.id}/effective-policy`, { token: auditor })).status).toBe(200);
    expect((await api('POST', '/api/v1/teams', { token: auditor, body: { name: 'x', slug: 'x', environment: 'development' } })).status).toBe(403);
    expect((await api('PUT', '/api/v1/org/policy', { token: auditor, body: { templateId: null } })).status).toBe(403);
  });
});
