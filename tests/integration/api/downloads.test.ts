import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as templateDownload from '@/app/api/v1/templates/[id]/download/route';
import * as teamDownload from '@/app/api/v1/teams/[id]/download/route';
import * as importRoute from '@/app/api/v1/templates/import/route';
import { getPrisma } from '@/lib/db/client';
import { FORMAT_IDS, FORMATS } from '@/lib/formats/catalog';
import { exportPolicy } from '@/lib/formats';
import { completeSettings } from '@/lib/policy/merge';
import { PRESETS } from '@/lib/policy/presets';
import { api, registerRoutes, type RouteModule } from '../../helpers/api';
import { auditRows, createOrganizationWithMembers, createTokenFor, unique } from '../../helpers/factories';

beforeAll(() => {
  registerRoutes([
    [/^\/api\/v1\/templates\/import$/, [], importRoute as RouteModule],
    [/^\/api\/v1\/templates\/([^/]+)\/download$/, ['id'], templateDownload as RouteModule],
    [/^\/api\/v1\/teams\/([^/]+)\/download$/, ['id'], teamDownload as RouteModule],
  ]);
});

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

async function setup() {
  const org = await createOrganizationWithMembers();
  const writer = (await createTokenFor(org.editor, ['templates:read', 'templates:write'])).token;
  const reader = (await createTokenFor(org.auditor, ['templates:read'])).token;
  const { body } = await api('POST', '/api/v1/templates', { token: writer, body: { name: 'Dev Autopilot', preset: 'autopilot-development' } });
  return { ...org, writer, reader, templateId: (body as { id: string }).id };
}

async function download(url: string, token: string, headers: Record<string, string> = {}) {
  const { status, response } = await api('GET', url, { token, headers });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status, headers: response.headers, bytes, text: bytes.toString('utf8') };
}

describe('template downloads', () => {
  it.each(FORMAT_IDS)('serves %s as an attachment whose ETag is the sha256 of its bytes', async (format) => {
    const { templateId, reader } = await setup();
    const file = await download(`/api/v1/templates/${templateId}/download?format=${format}`, reader);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(FORMATS[format].contentType);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"$/);
    expect(file.headers.get('etag')).toBe(`"${sha256(file.bytes)}"`);
    expect(file.headers.get('cache-control')).toBe('private');
    expect(file.headers.get('x-policy-version')).toBe('1');
    const expected = exportPolicy(format, PRESETS[0]!.settings, { templateName: 'Dev Autopilot', version: 1, environment: 'development' });
    expect(file.bytes.equals(Buffer.from(expected.bytes))).toBe(true);
  });

  it('answers If-None-Match with 304, and gives the same bytes for the same version every time', async () => {
    const { templateId, reader, writer } = await setup();
    const url = `/api/v1/templates/${templateId}/download?format=kiro-ide`;
    const first = await download(url, reader);
    const again = await download(url, reader);
    expect(again.bytes.equals(first.bytes)).toBe(true);
    const notModified = await download(url, reader, { 'if-none-match': first.headers.get('etag')! });
    expect(notModified.status).toBe(304);
    expect(notModified.bytes.length).toBe(0);

    await api('PUT', `/api/v1/templates/${templateId}`, { token: writer, body: { settings: { ...PRESETS[0]!.settings, trustedCommands: ['npm test'] }, baseVersion: 1 } });
    const changed = await download(url, reader, { 'if-none-match': first.headers.get('etag')! });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('x-policy-version')).toBe('2');
    const pinned = await download(`${url}&version=1`, reader);
    expect(pinned.bytes.equals(first.bytes)).toBe(true);
  });

  it('records each download (not 304 revalidations) in the audit log: format, version, who', async () => {
    const { org, templateId, reader, auditor } = await setup();
    const first = await download(`/api/v1/templates/${templateId}/download?format=claude-code`, reader);
    await download(`/api/v1/templates/${templateId}/download?format=claude-code`, reader, { 'if-none-match': first.headers.get('etag')! });
    const rows = await auditRows(org.id, 'policy.downloaded');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorType: 'token', actorLabel: auditor.label, targetId: templateId, details: { format: 'claude-code', version: 1, sha256: sha256(first.bytes) } });
  });

  it('names the bundle after the template and version', async () => {
    const { templateId, reader } = await setup();
    const file = await download(`/api/v1/templates/${templateId}/download?format=bundle`, reader);
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="dev-autopilot-v1.zip"');
    expect(file.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('refuses unknown formats and versions clearly', async () => {
    const { templateId, reader } = await setup();
    const unknownFormat = await api('GET', `/api/v1/templates/${templateId}/download?format=yaml`, { token: reader });
    expect(unknownFormat.status).toBe(400);
    expect(JSON.stringify(unknownFormat.body)).toContain('kiro-project');
    expect((await api('GET', `/api/v1/templates/${templateId}/download`, { token: reader })).status).toBe(400);
    expect((await api('GET', `/api/v1/templates/${templateId}/download?format=gitignore&version=7`, { token: reader })).status).toBe(404);
  });

  it('needs templates:read (401/403) and hides other organizations’ templates (404)', async () => {
    const mine = await setup();
    const theirs = await setup();
    const eventsOnly = (await createTokenFor(mine.admin, ['events:write'])).token;
    expect((await api('GET', `/api/v1/templates/${mine.templateId}/download?format=gitignore`)).status).toBe(401);
    expect((await api('GET', `/api/v1/templates/${mine.templateId}/download?format=gitignore`, { token: eventsOnly })).status).toBe(403);
    expect((await api('GET', `/api/v1/templates/${theirs.templateId}/download?format=gitignore`, { token: mine.reader })).status).toBe(404);
    expect(await auditRows(theirs.org.id, 'policy.downloaded')).toHaveLength(0);
  });
});

describe('team downloads', () => {
  it('serves the effective policy of a team or one of its projects', async () => {
    const { templateId, writer, reader } = await setup();
    const slug = unique('team');
    const team = (await api('POST', '/api/v1/teams', { token: writer, body: { name: slug, slug, environment: 'production' } })).body as { id: string };
    await api('PUT', `/api/v1/teams/${team.id}/policy`, { token: writer, body: { templateId } });
    await api('PUT', `/api/v1/teams/${team.id}/projects/api`, { token: writer, body: { overrides: { trustedCommands: ['npm test'] } } });

    const teamFile = await download(`/api/v1/teams/${team.id}/download?format=claude-code`, reader);
    expect(teamFile.status).toBe(200);
    const expected = exportPolicy('claude-code', PRESETS[0]!.settings, { templateName: slug, version: 1, environment: 'production' });
    expect(teamFile.text).toBe(Buffer.from(expected.bytes).toString('utf8'));
    expect(teamFile.text).toContain('disableBypassPermissionsMode');

    const projectFile = await download(`/api/v1/teams/${team.id}/download?format=kiro-ide&project=api`, reader);
    const projectExpected = exportPolicy('kiro-ide', completeSettings({ ...PRESETS[0]!.settings, trustedCommands: ['npm test'] }), { templateName: `${slug}-api`, version: 1, environment: 'production' });
    expect(projectFile.text).toBe(Buffer.from(projectExpected.bytes).toString('utf8'));
    expect((await api('GET', `/api/v1/teams/${team.id}/download?format=kiro-ide&project=nope`, { token: reader })).status).toBe(404);
  });

  it('hides other organizations’ teams', async () => {
    const mine = await setup();
    const theirs = await setup();
    const team = (await api('POST', '/api/v1/teams', { token: theirs.writer, body: { name: 'x', slug: 'x', environment: 'development' } })).body as { id: string };
    expect((await api('GET', `/api/v1/teams/${team.id}/download?format=gitignore`, { token: mine.reader })).status).toBe(404);
  });
});

describe('import', () => {
  it('imports a Claude Code managed-settings file as a new template with warnings and findings', async () => {
    const { org, writer } = await setup();
    const file = JSON.stringify({ permissions: { allow: ['Bash(npm run test:*)', 'Bash(git status)', 'Read(./src/**)'], deny: ['Bash(rm -rf:*)'], defaultMode: 'default' } });
    const { status, body } = await api('POST', '/api/v1/templates/import?name=From%20Claude', { token: writer, rawBody: file, headers: { 'x-filename': 'managed-settings.json' } });
    expect(status).toBe(201);
    const result = body as { id: string; version: number; format: string; settings: { trustedCommands: string[] }; warnings: string[]; findings: { rule: string }[] };
    expect(result).toMatchObject({ version: 1, format: 'claude-code' });
    expect(result.settings.trustedCommands).toEqual(['npm run test *', 'git status']);
    expect(result.warnings.join(' ')).toContain('Read(./src/**)');
    expect(result.findings.map((f) => f.rule)).toContain('broad-prefix');
    const row = (await auditRows(org.id, 'template.created')).find((r) => r.targetId === result.id);
    expect(row).toMatchObject({ details: { import: { format: 'claude-code', fileName: 'managed-settings.json' } } });
  });

  it('adds a version to an existing template', async () => {
    const { templateId, writer } = await setup();
    const file = JSON.stringify({ 'kiroAgent.trustedCommands': ['npm test'], 'kiroAgent.agentAutonomy': 'Supervised' });
    const { status, body } = await api('POST', `/api/v1/templates/import?templateId=${templateId}`, { token: writer, rawBody: file, headers: { 'x-filename': 'settings.json' } });
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: templateId, version: 2, format: 'kiro-ide', settings: { mode: 'supervised', trustedCommands: ['npm test'] } });
  });

  it.each([
    ['invalid JSON', '{\n  "kiroAgent.trustedCommands": [\n    "npm test"\n    "npm run lint"\n  ]\n}', 'settings.json', 400, 'invalid_json'],
    ['a file that drops a security control, unacknowledged', JSON.stringify({ permissions: { deny: ['Bash(rm -rf *)', 'Read(./.env)'] } }), 'managed-settings.json', 400, 'dropped_controls'],
    ['an unrecognised file', '\u0000\u0001binary\u0002', 'photo.png', 415, 'unsupported_media_type'],
    ['a file over 1 MB', `{"kiroAgent.trustedCommands": ["${'x'.repeat(1_100_000)}"]}`, 'settings.json', 413, 'payload_too_large'],
  ])('refuses %s (%i) and saves nothing', async (_label, file, fileName, status, code) => {
    const { org, writer } = await setup();
    const before = await getPrisma().policyVersion.count({ where: { orgId: org.id } });
    const response = await api('POST', '/api/v1/templates/import?name=Bad', { token: writer, rawBody: file, headers: { 'x-filename': fileName } });
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ error: { code } });
    expect(await getPrisma().policyVersion.count({ where: { orgId: org.id } })).toBe(before);
  });

  it('names the line and column of invalid JSON (trailing commas are fine, as in VS Code)', async () => {
    const { writer } = await setup();
    const { body } = await api('POST', '/api/v1/templates/import?name=Bad', { token: writer, rawBody: '{\n  "kiroAgent.trustedCommands": [\n    "npm test"\n    "x"\n  ]\n}', headers: { 'x-filename': 'settings.json' } });
    expect(body).toMatchObject({ error: { details: { line: 4, column: 5 } } });
    const ok = await api('POST', '/api/v1/templates/import?name=JSONC', { token: writer, rawBody: '{\n  // IDE\n  "kiroAgent.trustedCommands": [\n    "npm test",\n  ],\n}', headers: { 'x-filename': 'settings.json' } });
    expect(ok.status).toBe(201);
  });

  it('names the dropped security controls, most severe first, and saves them only when acknowledged', async () => {
    const { writer } = await setup();
    const file = JSON.stringify({ permissions: { deny: ['Bash(rm -rf *)', 'Read(./.env)'], ask: ['Bash(git push *)'] }, theme: 'dark' });
    const refused = await api('POST', '/api/v1/templates/import?name=Hardened', { token: writer, rawBody: file, headers: { 'x-filename': 'managed-settings.json' } });
    expect(refused.status).toBe(400);
    const details = (refused.body as { error: { details: { droppedControls: Array<{ path: string; impact: string }> } } }).error.details;
    expect(details.droppedControls.map((control) => [control.path, control.impact])).toEqual([
      ['permissions.deny[1]', 'critical'],
      ['permissions.ask[0]', 'high'],
    ]);
    const saved = await api('POST', '/api/v1/templates/import?name=Hardened&acknowledgeDroppedControls=1', { token: writer, rawBody: file, headers: { 'x-filename': 'managed-settings.json' } });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ settings: { deniedCommands: ['rm -rf'] }, droppedControls: [{ impact: 'critical' }, { impact: 'high' }] });
  });

  it('imports the Policy Engine and permissions.yaml downloads back', async () => {
    const { templateId, reader, writer } = await setup();
    for (const [format, fileName] of [['gemini-policy', 'pilotlight.toml'], ['kiro-permissions', 'permissions.yaml']] as const) {
      const file = await download(`/api/v1/templates/${templateId}/download?format=${format}`, reader);
      const { status, body } = await api('POST', `/api/v1/templates/import?name=${format}`, { token: writer, rawBody: file.text, headers: { 'x-filename': fileName } });
      expect(status).toBe(201);
      expect(body).toMatchObject({ format, settings: { deniedCommands: ['rm -rf', 'sudo', 'chmod 777', 'eval'] }, droppedControls: [] });
    }
  });

  it('needs a name for a new template, templates:write, and the caller’s own template', async () => {
    const mine = await setup();
    const theirs = await setup();
    const file = JSON.stringify({ 'kiroAgent.trustedCommands': ['npm test'] });
    expect((await api('POST', '/api/v1/templates/import', { token: mine.writer, rawBody: file })).status).toBe(400);
    expect((await api('POST', '/api/v1/templates/import?name=x', { token: mine.reader, rawBody: file })).status).toBe(403);
    expect((await api('POST', `/api/v1/templates/import?templateId=${theirs.templateId}`, { token: mine.writer, rawBody: file })).status).toBe(404);
  });
});
