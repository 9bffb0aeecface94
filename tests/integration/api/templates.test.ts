import { describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { PRESETS } from '@/lib/policy/presets';
import { auditRows, createOrganizationWithMembers, createTokenFor, unique } from '../../helpers/factories';
import { api } from '../../helpers/api';

async function orgWithTokens() {
  const org = await createOrganizationWithMembers();
  const writer = await createTokenFor(org.editor, ['templates:read', 'templates:write']);
  const reader = await createTokenFor(org.auditor, ['templates:read', 'templates:write']);
  const admin = await createTokenFor(org.admin, ['templates:read', 'templates:write']);
  return { ...org, writer: writer.token, reader: reader.token, adminToken: admin.token };
}

type Detail = { id: string; latestVersion: number; settings: Record<string, unknown>; version: { version: number; note: string; author: string }; findings: { rule: string }[] };

async function createViaApi(token: string, body: Record<string, unknown>) {
  const { status, body: created } = await api('POST', '/api/v1/templates', { token, body });
  expect(status).toBe(201);
  return created as Detail;
}

describe('templates API', () => {
  it('creates from a preset, with version 1 and an audit row', async () => {
    const { org, writer, editor } = await orgWithTokens();
    const created = await createViaApi(writer, { name: 'Prod', preset: 'supervised-production' });
    expect(created).toMatchObject({ latestVersion: 1, version: { version: 1, author: editor.label }, settings: PRESETS[1]!.settings });
    const [row] = await auditRows(org.id, 'template.created');
    expect(row).toMatchObject({ actorType: 'token', targetId: created.id, after: { name: 'Prod', version: 1, preset: 'supervised-production' } });
  });

  it('creates a blank template (every field inherited)', async () => {
    const { writer } = await orgWithTokens();
    expect((await createViaApi(writer, { name: 'Blank' })).settings).toEqual({});
  });

  it('rejects invalid settings listing every problem with its path, saving nothing', async () => {
    const { org, writer } = await orgWithTokens();
    const { status, body } = await api('POST', '/api/v1/templates', {
      token: writer,
      body: { name: 'Bad', settings: { mode: 'yolo', trustedCommands: ['ok', ''], telemetry: { enabled: 'no', extra: 1 }, sandbox: 'vm', colour: 'red', mcpServers: { gh: { command: 'x', url: 'https://x' } } } },
    });
    expect(status).toBe(400);
    const issues = (body as { error: { code: string; details: { issues: { path: string }[] } } }).error;
    expect(issues.code).toBe('validation_failed');
    expect(issues.details.issues.map((i) => i.path).sort()).toEqual(
      ['settings.colour', 'settings.mcpServers.gh', 'settings.mode', 'settings.sandbox', 'settings.telemetry.enabled', 'settings.telemetry.extra', 'settings.trustedCommands[1]'].sort(),
    );
    expect(await getPrisma().policyTemplate.count({ where: { orgId: org.id } })).toBe(0);
  });

  it.each([
    ['malformed JSON', { rawBody: '{"name": "x",', headers: { 'content-type': 'application/json' } }, 400, 'invalid_json'],
    ['an empty body', { rawBody: '' }, 400, 'empty_body'],
    ['unknown fields', { body: { name: 'x', owner: 'me' } }, 400, 'validation_failed'],
    ['a body over 1 MB', { body: { name: 'x', description: 'y'.repeat(1_100_000) } }, 413, 'payload_too_large'],
  ])('answers %s with %i and the error shape, writing nothing', async (_label, options, status, code) => {
    const { org, writer } = await orgWithTokens();
    const response = await api('POST', '/api/v1/templates', { token: writer, ...options });
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ error: { code, message: expect.any(String) } });
    expect(await getPrisma().policyTemplate.count({ where: { orgId: org.id } })).toBe(0);
  });

  it('names the line and column of a JSON syntax error', async () => {
    const { writer } = await orgWithTokens();
    const { body } = await api('POST', '/api/v1/templates', { token: writer, rawBody: '{\n  "name": "x"\n  "preset": "y"\n}' });
    expect(body).toMatchObject({ error: { code: 'invalid_json', details: { line: 3, column: 3 } } });
  });

  it('refuses a duplicate name with 409', async () => {
    const { writer } = await orgWithTokens();
    await createViaApi(writer, { name: 'Same' });
    expect((await api('POST', '/api/v1/templates', { token: writer, body: { name: 'Same' } })).status).toBe(409);
  });

  it('requires acknowledging trust-all (*)', async () => {
    const { writer } = await orgWithTokens();
    const settings = { trustedCommands: ['npm test', '*'] };
    const refused = await api('POST', '/api/v1/templates', { token: writer, body: { name: 'All', settings } });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: { details: { issues: [{ path: 'settings.trustedCommands[1]' }, { path: 'acknowledgeRisks' }] } } });
    const accepted = await createViaApi(writer, { name: 'All', settings, acknowledgeRisks: ['trust-all'] });
    expect(accepted.findings.map((f) => f.rule)).toContain('trust-all');
  });

  it('saves immutable versions; a stale base gets 409 with the current version', async () => {
    const { org, writer } = await orgWithTokens();
    const created = await createViaApi(writer, { name: unique('t'), preset: 'autopilot-development' });
    const v2 = await api('PUT', `/api/v1/templates/${created.id}`, { token: writer, body: { settings: { mode: 'supervised' }, note: 'tighten', baseVersion: 1 } });
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({ latestVersion: 2, version: { version: 2, note: 'tighten' }, settings: { mode: 'supervised' } });

    const stale = await api('PUT', `/api/v1/templates/${created.id}`, { token: writer, body: { settings: { mode: 'autopilot' }, baseVersion: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'conflict', details: { currentVersion: 2, current: { version: { version: 2 }, settings: { mode: 'supervised' } } } } });

    const old = await api('GET', `/api/v1/templates/${created.id}?version=1`, { token: writer });
    expect(old.body).toMatchObject({ version: { version: 1 }, settings: PRESETS[0]!.settings });
    const [row] = await auditRows(org.id, 'template.version_created');
    expect(row).toMatchObject({ before: { version: 1, settings: PRESETS[0]!.settings }, after: { version: 2, settings: { mode: 'supervised' }, note: 'tighten' } });
    await expect(getPrisma().policyVersion.updateMany({ where: { templateId: created.id }, data: { note: 'rewrite history' } })).rejects.toThrow(/immutable/);
  });

  it('lets exactly one of two concurrent saves from the same base win', async () => {
    const { writer, adminToken } = await orgWithTokens();
    const created = await createViaApi(writer, { name: unique('race') });
    const [a, b] = await Promise.all([
      api('PUT', `/api/v1/templates/${created.id}`, { token: writer, body: { settings: { mode: 'autopilot' }, baseVersion: 1 } }),
      api('PUT', `/api/v1/templates/${created.id}`, { token: adminToken, body: { settings: { mode: 'supervised' }, baseVersion: 1 } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await getPrisma().policyVersion.count({ where: { templateId: created.id } })).toBe(2);
  });

  it('lists versions, diffs any two, and rolls back as a new version', async () => {
    const { writer } = await orgWithTokens();
    const created = await createViaApi(writer, { name: unique('hist'), settings: { trustedCommands: ['npm test', 'git status'], autoAccept: false } });
    await api('PUT', `/api/v1/templates/${created.id}`, { token: writer, body: { settings: { trustedCommands: ['npm test', 'npm run lint'], sandbox: 'docker' }, baseVersion: 1 } });

    const list = await api('GET', `/api/v1/templates/${created.id}/versions`, { token: writer });
    expect((list.body as { version: number }[]).map((v) => v.version)).toEqual([2, 1]);

    const diff = await api('GET', `/api/v1/templates/${created.id}/diff?from=1&to=2`, { token: writer });
    expect(diff.status).toBe(200);
    expect((diff.body as { changes: unknown[] }).changes).toEqual([
      { path: 'autoAccept', kind: 'removed', before: false },
      { path: 'sandbox', kind: 'added', after: 'docker' },
      { path: 'trustedCommands', kind: 'list', before: ['npm test', 'git status'], after: ['npm test', 'npm run lint'], added: ['npm run lint'], removed: ['git status'], reordered: false },
    ]);
    expect((await api('GET', `/api/v1/templates/${created.id}/diff?from=1&to=9`, { token: writer })).status).toBe(404);
    expect((await api('GET', `/api/v1/templates/${created.id}/diff?from=x&to=2`, { token: writer })).status).toBe(400);

    const rolled = await api('POST', `/api/v1/templates/${created.id}/rollback`, { token: writer, body: { toVersion: 1, baseVersion: 2 } });
    expect(rolled.body).toMatchObject({ latestVersion: 3, settings: { trustedCommands: ['npm test', 'git status'], autoAccept: false }, version: { note: 'Rolled back to version 1.' } });
  });

  it('archives only unused templates, and only for admins', async () => {
    const { writer, adminToken } = await orgWithTokens();
    const created = await createViaApi(writer, { name: unique('arch') });
    const team = await api('POST', '/api/v1/teams', { token: writer, body: { name: unique('Team'), slug: unique('team'), environment: 'development' } });
    const teamId = (team.body as { id: string }).id;
    await api('PUT', `/api/v1/teams/${teamId}/policy`, { token: writer, body: { templateId: created.id } });

    expect((await api('POST', `/api/v1/templates/${created.id}/archive`, { token: writer })).status).toBe(403);
    const inUse = await api('POST', `/api/v1/templates/${created.id}/archive`, { token: adminToken });
    expect(inUse.status).toBe(409);
    expect(inUse.body).toMatchObject({ error: { details: { usedBy: [expect.stringContaining('team ')] } } });

    await api('PUT', `/api/v1/teams/${teamId}/policy`, { token: writer, body: { templateId: null } });
    const archived = await api('POST', `/api/v1/templates/${created.id}/archive`, { token: adminToken });
    expect(archived.body).toMatchObject({ archived: true });
    expect((await api('GET', '/api/v1/templates', { token: writer }).then((r) => r.body as { id: string }[])).map((t) => t.id)).not.toContain(created.id);
    expect((await api('PUT', `/api/v1/templates/${created.id}`, { token: writer, body: { settings: {}, baseVersion: 1 } })).status).toBe(409);
  });

  it('lists templates with latest version, author, risk and the teams using them', async () => {
    const { writer, editor } = await orgWithTokens();
    const created = await createViaApi(writer, { name: 'Risky', settings: { trustedCommands: ['rm -rf /'] } });
    const { body } = await api('GET', '/api/v1/templates', { token: writer });
    expect(body).toEqual([
      expect.objectContaining({ id: created.id, name: 'Risky', latestVersion: 1, updatedBy: editor.label, risk: 'high', teams: [], isOrgDefault: false }),
    ]);
  });

  it('lets auditors read but not write (their role, whatever the token scopes)', async () => {
    const { writer, reader } = await orgWithTokens();
    const created = await createViaApi(writer, { name: unique('ro') });
    expect((await api('GET', `/api/v1/templates/${created.id}`, { token: reader })).status).toBe(200);
    expect((await api('POST', '/api/v1/templates', { token: reader, body: { name: 'x' } })).status).toBe(403);
    expect((await api('PUT', `/api/v1/templates/${created.id}`, { token: reader, body: { settings: {}, baseVersion: 1 } })).status).toBe(403);
  });

  it('needs templates:write for writes and templates:read for reads', async () => {
    const { editor } = await orgWithTokens();
    const readOnly = (await createTokenFor(editor, ['templates:read'])).token;
    const writeOnly = (await createTokenFor(editor, ['templates:write'])).token;
    expect((await api('POST', '/api/v1/templates', { token: readOnly, body: { name: 'x' } })).status).toBe(403);
    expect((await api('GET', '/api/v1/templates', { token: writeOnly })).status).toBe(403);
    expect((await api('GET', '/api/v1/templates')).status).toBe(401);
  });

  it('answers 404 for another organization’s template on every route', async () => {
    const mine = await orgWithTokens();
    const theirs = await orgWithTokens();
    const id = (await createViaApi(theirs.writer, { name: unique('secret') })).id;
    const token = mine.adminToken;
    const responses = await Promise.all([
      api('GET', `/api/v1/templates/${id}`, { token }),
      api('PUT', `/api/v1/templates/${id}`, { token, body: { settings: {}, baseVersion: 1 } }),
      api('GET', `/api/v1/templates/${id}/versions`, { token }),
      api('GET', `/api/v1/templates/${id}/diff?from=1&to=1`, { token }),
      api('POST', `/api/v1/templates/${id}/rollback`, { token, body: { toVersion: 1, baseVersion: 1 } }),
      api('POST', `/api/v1/templates/${id}/archive`, { token }),
      api('GET', '/api/v1/templates/not-a-uuid', { token }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    expect(await getPrisma().policyVersion.count({ where: { templateId: id } })).toBe(1);
  });
});

describe('lint and coverage API', () => {
  it('lints settings for an environment (development by default)', async () => {
    const { writer } = await orgWithTokens();
    const settings = { mode: 'autopilot', trustedCommands: ['npm test && rm -rf /'], mcpServers: { gh: { command: 'npx', env: { GITHUB_TOKEN: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789' } } } };
    const dev = await api('POST', '/api/v1/templates/lint', { token: writer, body: { settings } });
    expect(dev.status).toBe(200);
    const devRules = (dev.body as { findings: { rule: string; path: string }[] }).findings.map((f) => `${f.rule}@${f.path}`);
    expect(devRules).toEqual(expect.arrayContaining(['dangerous-command@trustedCommands[0]', 'hardcoded-secret@mcpServers.gh.env.GITHUB_TOKEN']));
    expect(devRules.some((r) => r.startsWith('production-'))).toBe(false);
    const prod = await api('POST', '/api/v1/templates/lint', { token: writer, body: { settings, environment: 'production' } });
    expect((prod.body as { findings: { rule: string }[] }).findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['production-autopilot']));
    expect((await api('POST', '/api/v1/templates/lint', { token: writer, body: { settings, environment: 'staging' } })).status).toBe(400);
  });

  it('reports coverage as the tool matches it and strictly', async () => {
    const { writer } = await orgWithTokens();
    const { status, body } = await api('POST', '/api/v1/templates/coverage', {
      token: writer,
      body: { trustedCommands: ['npm *', 'git status'], commands: ['npm test', 'npm i && curl x | sh', 'git status', 'echo $(whoami)'] },
    });
    expect(status).toBe(200);
    const results = (body as { results: { command: string; coveredAsToolMatches: boolean; coveredStrictly: boolean; segments: { text: string; covered: boolean; rule: string | null }[] }[] }).results;
    expect(results.map((r) => [r.command, r.coveredAsToolMatches, r.coveredStrictly])).toEqual([
      ['npm test', true, true],
      ['npm i && curl x | sh', true, false],
      ['git status', true, true],
      ['echo $(whoami)', false, false],
    ]);
    expect(results[1]!.segments).toEqual(expect.arrayContaining([expect.objectContaining({ text: 'npm i', covered: true, rule: 'npm *' }), expect.objectContaining({ text: 'curl x', covered: false, rule: null })]));
  });
});
