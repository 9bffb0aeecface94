import { spawn } from 'node:child_process';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { runAdminCli } from '@/lib/admin/cli';
import { requireToken } from '@/lib/auth/api-token';
import { getPrisma } from '@/lib/db/client';
import { unique } from '../helpers/factories';
import { apiRequest } from '../helpers/http';
import { createScratchDatabase, dropScratchDatabase } from '../helpers/scratch-database';

/** The CLI's cases run in-process (same function the script calls); two real spawns check the script. */
async function admin(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdminCli(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, stdout: out.map((line) => `${line}\n`).join(''), stderr: err.join('\n') };
}

/** The real script in a child process, against another database; no timeout but the test's. */
function spawnAdmin(databaseUrl: string, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node_modules/.bin/tsx', ['--conditions=react-server', 'scripts/admin.ts', ...args], { env: { ...process.env, DATABASE_URL: databaseUrl } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('admin CLI (against the same database resolution as the app)', () => {
  it('creates a user, organization and membership; a second run adds a membership elsewhere', async () => {
    const email = `${unique('cli')}@example.com`;
    const org = unique('CLI Org');
    const first = await admin('create-user', '--email', email, '--password', 'a long enough password', '--role', 'owner', '--org', org);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('created the organization, created the user, added the membership');

    const second = await admin('create-user', '--email', email, '--password', 'another long password', '--role', 'auditor', '--org', `${org} 2`);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('password unchanged');
    const memberships = await getPrisma().membership.findMany({ where: { user: { email } }, include: { organization: true } });
    expect(Object.fromEntries(memberships.map((m) => [m.organization.name, m.role]))).toEqual({ [org]: 'OWNER', [`${org} 2`]: 'AUDITOR' });
    expect(await getPrisma().auditLog.count({ where: { actorType: 'cli', targetId: memberships[0]!.userId } })).toBe(2);
  });

  it('creates a token printed as the last line, which then authenticates', async () => {
    const email = `${unique('cli')}@example.com`;
    expect((await admin('create-user', '--email', email, '--password', 'a long enough password', '--role', 'admin', '--org', unique('Tok Org'))).code).toBe(0);
    const result = await admin('create-token', '--email', email, '--scopes', 'templates:read,reports:read', '--name', 'nightly');
    expect(result.code).toBe(0);
    const token = result.stdout.trim().split('\n').at(-1)!;
    expect(token).toMatch(/^plt_[0-9A-Za-z]{40}$/);
    const actor = await requireToken(apiRequest('/x', { token }), 'templates:read');
    expect(actor).toMatchObject({ role: 'ADMIN', scopes: ['reports:read', 'templates:read'] });
  });

  it.each([
    [['create-user', '--email', 'not-an-email', '--password', 'short', '--role', 'king', '--org', 'X'], 1, /email: Enter a valid e-mail address.*password: Use at least 12.*role: Choose a role/],
    [['create-user', '--email', 'a@b.co'], 2, /missing --password/],
    [['create-token', '--email', 'nobody-here@example.com', '--scopes', 'templates:read', '--name', 'x'], 1, /The user nobody-here@example.com was not found/],
    [['create-token', '--email', 'a@b.co', '--scopes', 'root', '--name', 'x'], 1, /scopes\[0\]: Unknown scope/],
    [['frobnicate'], 2, /unknown command "frobnicate"/],
    [['create-user', '--bogus', 'x'], 2, /Unknown option '--bogus'/],
  ])('fails with a clear one-line message: %j', async (args, code, message) => {
    const result = await admin(...args);
    expect(result.code).toBe(code);
    expect(result.stderr.split('\n')[0]).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('as a real process: verifies the audit log, reports a broken link, and runs in parallel without a lock error', async () => {
    const serverUrl = process.env.PILOTLIGHT_TEST_SERVER_URL!;
    const url = await createScratchDatabase(serverUrl, 'pl_scratch', false);
    try {
      const email = 'verify@example.com';
      // Two processes migrate the empty database at once: the second waits for the first's lock.
      const [created, usage] = await Promise.all([
        spawnAdmin(url, 'create-user', '--email', email, '--password', 'a long enough password', '--role', 'owner', '--org', 'V'),
        spawnAdmin(url, 'migrate'),
      ]);
      expect(created).toMatchObject({ code: 0, stderr: '' });
      expect(usage).toMatchObject({ code: 0, stdout: 'Database is up to date.\n' });
      expect((await spawnAdmin(url, 'frobnicate')).stderr.split('\n')[0]).toBe('admin: unknown command "frobnicate"');

      const intact = await spawnAdmin(url, 'verify-audit-log');
      expect(intact).toMatchObject({ code: 0, stdout: 'Audit log intact: 1 entries in 1 chain(s).\n' });

      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
      await client.query(`UPDATE audit_log SET after = jsonb_set(COALESCE(after, '{}'), '{name}', '"renamed"') WHERE seq = 1`);
      await client.end();
      const broken = await spawnAdmin(url, 'verify-audit-log');
      expect(broken.code).toBe(1);
      expect(broken.stdout).toMatch(/^BROKEN organization [0-9a-f-]{36} at entry #1 \(row id \d+\): entry #1 \(\S+\) was modified after it was written/);
    } finally {
      await dropScratchDatabase(serverUrl, url);
    }
  });
});
