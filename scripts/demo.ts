// npm run demo [-- --org NAME] — 90 days of realistic telemetry, prompt logs and activity reports
// for an organization (the oldest one by default; a "Demo" organization with an owner is
// created when there is none), ingested through the upload pipeline. A second run adds nothing.
import { parseArgs } from 'node:util';
import { ensurePrismaClient } from './lib/prisma-client.ts';

ensurePrismaClient();
const { openDatabase } = await import('../lib/db/embedded.ts');
const { migrateDatabase } = await import('../lib/db/migrate.ts');

const { values } = parseArgs({ options: { org: { type: 'string' } } });
const handle = await openDatabase();
process.env.DATABASE_URL = handle.url;
let code = 0;
try {
  await migrateDatabase(handle.url);
  const { getPool, closeDatabaseConnections } = await import('../lib/db/client.ts');
  const { runDemo } = await import('../lib/ingest/demo.ts');
  const { provisionUser } = await import('../lib/admin/provision.ts');
  try {
    const pool = getPool();
    // The embedded cluster is stopped at the end; an idle connection it terminates is not an error.
    pool.on('error', () => {});
    let org = (
      await pool.query<{ id: string; name: string }>(values.org ? 'SELECT id, name FROM organization WHERE name = $1' : 'SELECT id, name FROM organization ORDER BY created_at LIMIT 1', values.org ? [values.org] : [])
    ).rows[0];
    if (!org) {
      const password = 'demo password 1234';
      const made = await provisionUser({ email: 'demo@example.com', password, role: 'OWNER', org: values.org ?? 'Demo' });
      org = { id: made.orgId, name: values.org ?? 'Demo' };
      console.log(`demo: created the organization ${org.name} with the owner demo@example.com (password: ${password})`);
    }
    const owner = (
      await pool.query<{ user_id: string; role: 'OWNER' | 'ADMIN'; email: string }>(
        `SELECT m.user_id, m.role, u.email FROM membership m JOIN app_user u ON u.id = m.user_id WHERE m.org_id = $1 AND m.role IN ('OWNER', 'ADMIN') ORDER BY m.role = 'OWNER' DESC, m.created_at LIMIT 1`,
        [org.id],
      )
    ).rows[0];
    if (!owner) throw new Error(`the organization ${org.name} has no owner or admin`);
    const report = await runDemo(org.id, owner.user_id, owner.role, owner.email, (line) => console.log(`demo: ${line}`));
    const total = report.uploaded.reduce((sum, u) => sum + u.result.accepted, 0);
    console.log(`demo: ${report.organization}: ${report.teamsCreated} teams created, ${report.uploaded.length} files uploaded (${total} records), ${report.skipped} already there.`);
  } finally {
    await closeDatabaseConnections();
  }
} catch (error) {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
} finally {
  await handle.stop();
}
process.exit(code);
