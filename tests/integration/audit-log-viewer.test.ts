import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as auditLogRoute from '@/app/api/v1/audit-log/route';
import { appendAuditRow } from '@/lib/audit/append-queue';
import { parseAuditLogFilters } from '@/lib/audit/filters';
import { exportAuditLog, searchAuditLog } from '@/lib/audit/queries';
import { recordAudit } from '@/lib/audit/record';
import { verifyAuditLog, verifyOrganizationChain } from '@/lib/audit/verify';
import type { Actor } from '@/lib/auth/permissions';
import { transaction } from '@/lib/db/client';
import { ForbiddenError } from '@/lib/errors';
import { createTeam, deleteTeam, updateTeam } from '@/lib/teams/teams';
import { createTemplate } from '@/lib/templates/templates';
import { createToken } from '@/lib/tokens/tokens';
import { api, registerRoutes, type RouteModule } from '../helpers/api';
import { errorCode } from '../helpers/http';
import { signInAs } from '../helpers/session';
import { auditRows, createOrganizationWithMembers, createTokenFor, unique } from '../helpers/factories';

// The console's export link calls the route with the session cookie: the session is faked the
// way the server-action tests fake it (next-auth and next/headers only, never the database).
vi.mock('next-auth', async (importOriginal) => {
  const { serverSession } = await import('../helpers/session');
  return { ...(await importOriginal<object>()), getServerSession: async () => serverSession() };
});
vi.mock('next/headers', async () => ({ cookies: async () => ({ get: () => undefined, set: () => {} }), headers: async () => new Headers() }));

registerRoutes([[/^\/api\/v1\/audit-log$/, [], auditLogRoute as RouteModule]]);

const FORMULA_NAME = '=HYPERLINK("http://x","y")';

interface Entry {
  seq: number;
  action: string;
  actionWords: string;
  actor: { type: string; label: string; tokenName: string | null };
  target: { type: string; id: string; name: string | null; href: string | null } | null;
  before: unknown;
  after: unknown;
}
type Page = { entries: Entry[]; nextCursor: number | null };

async function list(token: string, query = ''): Promise<Page> {
  const res = await api('GET', `/api/v1/audit-log${query ? `?${query}` : ''}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Page;
}

const seqs = (page: Page) => page.entries.map((e) => e.seq);

let s: {
  orgId: string;
  owner: Actor;
  editor: Actor;
  auditorToken: string;
  ownerToken: { token: string; tokenId: string; actor: Actor };
  templateId: string;
  teamId: string;
  otherOrg: { orgId: string; templateId: string; token: string };
};

beforeAll(async () => {
  const org = await createOrganizationWithMembers();
  const ownerToken = await createTokenFor(org.owner, ['templates:write', 'audit:read']);
  const template = await createTemplate(ownerToken.actor, { name: FORMULA_NAME, settings: { trustedCommands: ['npm test'] } });
  const team = await createTeam(org.admin, { name: 'Payments squad', slug: 'payments', environment: 'production' });
  await updateTeam(org.admin, team.id, { name: 'Payments core' });
  const doomed = await createTeam(org.admin, { name: 'Legacy squad', slug: 'legacy', environment: 'development' });
  await deleteTeam(org.admin, doomed.id);
  await transaction((tx) => recordAudit(tx, { orgId: org.org.id, actor: { kind: 'anonymous', label: 'eve@example.com' }, action: 'auth.sign_in_failed', target: { type: 'user', id: 'eve@example.com' } }));

  const other = await createOrganizationWithMembers();
  const otherTemplate = await createTemplate(other.owner, { name: `Other ${FORMULA_NAME}` });
  s = {
    orgId: org.org.id,
    owner: org.owner,
    editor: org.editor,
    auditorToken: (await createTokenFor(org.auditor, ['audit:read'])).token,
    ownerToken,
    templateId: template.id,
    teamId: team.id,
    otherOrg: { orgId: other.org.id, templateId: otherTemplate.id, token: (await createTokenFor(other.auditor, ['audit:read'])).token },
  };
});

describe('GET /api/v1/audit-log', () => {
  it('lists the organization’s rows newest first, in words, with actor and target names and links', async () => {
    const page = await list(s.auditorToken);
    expect(page.entries.map((e) => e.action)).toEqual(['auth.sign_in_failed', 'team.deleted', 'team.created', 'team.updated', 'team.created', 'template.created']);
    expect(page.nextCursor).toBeNull();
    const created = page.entries.at(-1)!;
    expect(created).toMatchObject({
      actionWords: 'Created a policy template',
      actor: { type: 'token', label: s.owner.label, tokenName: expect.stringMatching(/^token-/) },
      target: { type: 'policy_template', id: s.templateId, name: FORMULA_NAME, href: `/policies/${s.templateId}` },
    });
    // A renamed team shows its current name; a deleted one the name its row recorded.
    expect(page.entries[3]!.target).toMatchObject({ name: 'Payments core', href: `/teams/${s.teamId}` });
    expect(page.entries[1]!.target?.name).toBe('Legacy squad');
    expect(page.entries[3]!.before).toMatchObject({ name: 'Payments squad' });
  });

  it('filters by action group and by single action', async () => {
    expect((await list(s.auditorToken, 'action=teams')).entries.map((e) => e.action)).toEqual(['team.deleted', 'team.created', 'team.updated', 'team.created']);
    expect((await list(s.auditorToken, 'action=sign-in')).entries.map((e) => e.action)).toEqual(['auth.sign_in_failed']);
    expect((await list(s.auditorToken, 'action=team.updated')).entries).toHaveLength(1);
    expect((await list(s.auditorToken, 'action=downloads')).entries).toEqual([]);
  });

  it('filters by actor: a member’s e-mail (with their tokens), or one token', async () => {
    const byOwner = await list(s.auditorToken, `actor=${encodeURIComponent(s.owner.label.toUpperCase())}`);
    expect(byOwner.entries.map((e) => e.action)).toEqual(['template.created']);
    expect((await list(s.auditorToken, `actor=${s.ownerToken.tokenId}`)).entries).toHaveLength(1);
    expect((await list(s.auditorToken, 'actor=eve@example.com')).entries.map((e) => e.action)).toEqual(['auth.sign_in_failed']);
    expect((await list(s.auditorToken, 'actor=nobody@example.com')).entries).toEqual([]);
  });

  it('filters by target type and by one target', async () => {
    expect((await list(s.auditorToken, 'target=policy_template')).entries).toHaveLength(1);
    const one = await list(s.auditorToken, `target=team:${s.teamId}`);
    expect(one.entries.map((e) => e.action)).toEqual(['team.updated', 'team.created']);
    expect((await list(s.auditorToken, 'target=upload')).entries).toEqual([]);
  });

  it('filters by period (UTC days, both included)', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect((await list(s.auditorToken, `from=${yesterday}&to=${tomorrow}`)).entries).toHaveLength(6);
    expect((await list(s.auditorToken, `from=${today}&to=${today}`)).entries.length).toBeGreaterThan(0);
    expect((await list(s.auditorToken, `to=${yesterday}`)).entries).toEqual([]);
    expect((await list(s.auditorToken, `from=${tomorrow}`)).entries).toEqual([]);
  });

  it('searches target names (current or recorded), case-insensitively, with LIKE wildcards taken literally', async () => {
    expect((await list(s.auditorToken, 'q=payments%20CORE')).entries.map((e) => e.action)).toEqual(['team.updated', 'team.created']);
    expect((await list(s.auditorToken, 'q=legacy')).entries.map((e) => e.action)).toEqual(['team.deleted', 'team.created']);
    expect((await list(s.auditorToken, 'q=hyperlink')).entries.map((e) => e.action)).toEqual(['template.created']);
    expect((await list(s.auditorToken, 'q=%25')).entries).toEqual([]);
    expect((await list(s.auditorToken, 'q=payments&action=templates')).entries).toEqual([]);
  });

  it('answers 400 with every bad filter named, in the API’s error shape', async () => {
    const res = await api('GET', '/api/v1/audit-log?action=everything&from=2026-13-01&limit=0&format=pdf', { token: s.auditorToken });
    expect(res.status).toBe(400);
    expect(errorCode(res.body)).toBe('validation_failed');
    const issues = (res.body as { error: { details: { issues: { path: string }[] } } }).error.details.issues;
    expect(issues.map((i) => i.path).sort()).toEqual(['action', 'format', 'from', 'limit']);
  });

  it('401 without a token; 403 for a token without audit:read and for an editor; 200 for owners and auditors', async () => {
    expect((await api('GET', '/api/v1/audit-log', {})).status).toBe(401);
    expect((await api('GET', '/api/v1/audit-log', { token: 'pl_not_a_real_token' })).status).toBe(401);
    const noScope = await createTokenFor(s.owner, ['templates:read', 'reports:read']);
    const res = await api('GET', '/api/v1/audit-log', { token: noScope.token });
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).toMatch(/audit:read/);
    const editor = await createTokenFor(s.editor, ['audit:read']);
    expect((await api('GET', '/api/v1/audit-log', { token: editor.token })).status).toBe(403);
    expect((await api('GET', '/api/v1/audit-log?format=csv', { token: editor.token })).status).toBe(403);
    expect((await api('GET', '/api/v1/audit-log', { token: s.ownerToken.token })).status).toBe(200);
    await expect(searchAuditLog(s.editor, parseAuditLogFilters({}))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('accepts a token created with the new scope audit:read the way Settings → API tokens creates it', async () => {
    const admin = (await createOrganizationWithMembers()).admin;
    const { token, view } = await createToken(admin, { name: 'SIEM export', scopes: ['audit:read'] });
    expect(view.scopes).toEqual(['audit:read']);
    const page = await list(token, 'action=tokens');
    expect(page.entries.map((e) => [e.action, e.target?.name])).toEqual([['token.created', 'SIEM export']]);
    // audit:read reads the log only: the same token cannot read templates.
    expect((await api('GET', '/api/v1/templates', { token })).status).toBe(403);
  });

  it('serves the console session too (the export link): 401 signed out, 403 for an editor, the CSV for an owner', async () => {
    signInAs(null);
    expect((await api('GET', '/api/v1/audit-log?format=csv', {})).status).toBe(401);
    signInAs(s.editor.userId);
    expect((await api('GET', '/api/v1/audit-log?format=csv', {})).status).toBe(403);
    signInAs(s.owner.userId);
    const res = await api('GET', '/api/v1/audit-log?format=csv&action=templates', {});
    expect(res.status).toBe(200);
    expect(await res.response.text()).toContain(s.templateId);
    signInAs(null);
  });

  it('never shows another organization’s rows, whatever the filter', async () => {
    const mine = await list(s.auditorToken, `target=policy_template:${s.otherOrg.templateId}`);
    expect(mine.entries).toEqual([]);
    expect((await list(s.auditorToken, 'q=Other')).entries).toEqual([]);
    const theirs = await list(s.otherOrg.token);
    expect(theirs.entries.map((e) => e.target?.id)).toEqual([s.otherOrg.templateId]);
    const csv = await (await api('GET', '/api/v1/audit-log?format=csv', { token: s.otherOrg.token })).response.text();
    expect(csv).not.toContain(s.templateId);
  });
});

describe('the cursor', () => {
  it('pages without repeating or skipping rows while new rows are written', async () => {
    const { org, owner, auditor } = await createOrganizationWithMembers();
    for (let i = 1; i <= 7; i++) await transaction((tx) => recordAudit(tx, { orgId: org.id, actor: owner, action: 'member.added', after: { n: i } }));
    const token = (await createTokenFor(auditor, ['audit:read'])).token;
    const first = await list(token, 'limit=3');
    expect(seqs(first)).toEqual([7, 6, 5]);
    expect(first.nextCursor).toBe(5);
    for (let i = 0; i < 2; i++) await transaction((tx) => recordAudit(tx, { orgId: org.id, actor: owner, action: 'member.removed' }));
    const second = await list(token, `limit=3&cursor=${first.nextCursor}`);
    expect(seqs(second)).toEqual([4, 3, 2]);
    const third = await list(token, `limit=3&cursor=${second.nextCursor}`);
    expect(seqs(third)).toEqual([1]);
    expect(third.nextCursor).toBeNull();
    // With a filter the cursor still means "below this seq".
    const filtered = await list(token, `limit=2&action=members&cursor=9`);
    expect(seqs(filtered)).toEqual([8, 7]);
    const bad = await api('GET', '/api/v1/audit-log?cursor=abc', { token });
    expect(bad.status).toBe(400);
  });
});

describe('export', () => {
  it('CSV: the filtered rows, RFC 4180 with BOM, a formula in a target name neutralised', async () => {
    const res = await api('GET', '/api/v1/audit-log?format=csv&q=HYPERLINK', { token: s.auditorToken });
    expect(res.status).toBe(200);
    expect(res.response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.response.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-log-[\d-]+\.csv"$/);
    const bytes = new Uint8Array(await res.response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('seq,time,actor_type,actor,actor_name,token,action,action_words,action_group,target_type,target_id,target_name,before,after,details');
    expect(lines).toHaveLength(3); // header, one row, the empty string after the final CRLF
    expect(lines[1]).toContain(`,template.created,Created a policy template,Templates,policy_template,${s.templateId},"'=HYPERLINK(""http://x"",""y"")",`);
    expect(lines[2]).toBe('');
  });

  it('JSON: the same rows with every value exactly as recorded', async () => {
    const res = await api('GET', '/api/v1/audit-log?format=json&action=templates', { token: s.auditorToken });
    expect(res.status).toBe(200);
    expect(res.response.headers.get('content-disposition')).toMatch(/\.json"$/);
    const body = res.body as { filters: Record<string, string>; exportedBy: string; entries: Entry[] };
    expect(body.filters).toEqual({ action: 'templates' });
    expect(body.entries).toHaveLength(1);
    expect(body.entries[0]!.target?.name).toBe(FORMULA_NAME);
  });

  it('streams a long log in batches: every row once, newest first', async () => {
    const { org, auditor } = await createOrganizationWithMembers();
    await Promise.all(Array.from({ length: 1_234 }, (_, i) => appendAuditRow({ orgId: org.id, actor: auditor, action: 'policy.downloaded', target: { type: 'team', id: unique('t') }, details: { n: i } })));
    const token = (await createTokenFor(auditor, ['audit:read'])).token;
    const csv = await (await api('GET', '/api/v1/audit-log?format=csv&action=downloads', { token })).response.text();
    const rows = csv.split('\r\n').slice(1, -1);
    expect(rows).toHaveLength(1_234);
    expect(rows.map((r) => Number(r.split(',')[0]))).toEqual(Array.from({ length: 1_234 }, (_, i) => 1_234 - i));
    let count = 0;
    for await (const entry of exportAuditLog(auditor, parseAuditLogFilters({ cursor: '11' }))) count += entry.seq < 11 ? 1 : 1_000;
    expect(count).toBe(10);
  });
});

describe('the chain check', () => {
  it('reports the chain intact from #1 to the head, per organization', async () => {
    const { org, owner, auditor } = await createOrganizationWithMembers();
    expect(await verifyOrganizationChain(auditor)).toMatchObject({ state: 'empty' });
    for (let i = 0; i < 4; i++) await transaction((tx) => recordAudit(tx, { orgId: org.id, actor: owner, action: 'member.added', after: { n: i } }));
    expect(await verifyOrganizationChain(auditor)).toMatchObject({ state: 'intact', firstSeq: 1, lastSeq: 4, rows: 4 });
    await expect(verifyOrganizationChain({ ...owner, role: 'EDITOR' })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('finds a row a superuser changed with raw SQL, as verify-audit-log does, and only in that organization', async () => {
    const { org, owner, auditor } = await createOrganizationWithMembers();
    const bystander = await createOrganizationWithMembers();
    await transaction((tx) => recordAudit(tx, { orgId: bystander.org.id, actor: bystander.owner, action: 'team.created' }));
    for (let i = 0; i < 5; i++) await transaction((tx) => recordAudit(tx, { orgId: org.id, actor: owner, action: 'member.added', after: { n: i } }));
    const rows = await auditRows(org.id);
    await transaction(async (tx) => {
      await tx.$executeRawUnsafe('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
      await tx.$executeRaw`UPDATE audit_log SET after = '{"n": 99}' WHERE id = ${rows[2]!.id}`;
      await tx.$executeRawUnsafe('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');
    });
    const status = await verifyOrganizationChain(auditor);
    expect(status).toMatchObject({
      state: 'broken',
      rows: 5,
      lastSeq: 5,
      breaks: [{ seq: 3, reason: 'content_changed', message: 'entry #3 (member.added) was modified after it was written' }],
      firstBroken: { seq: 3, action: 'member.added', actorLabel: owner.label },
    });
    const cli = (await verifyAuditLog()).breaks.filter((b) => b.orgId === org.id);
    expect(status.state === 'broken' ? status.breaks : []).toEqual(cli);
    expect(await verifyOrganizationChain(bystander.auditor)).toMatchObject({ state: 'intact', lastSeq: 1 });
  });
});
