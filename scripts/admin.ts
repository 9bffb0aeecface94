// Admin CLI: `npm run admin -- <command> [options]`. Resolves the database exactly like the app
// (DATABASE_URL, or the embedded cluster in PILOTLIGHT_DATA_DIR, started if not running),
// applies pending migrations, runs one command, and exits non-zero with a one-line message on error.
import { parseArgs } from 'node:util';
import { openDatabase } from '../lib/db/embedded.ts';
import { migrateDatabase } from '../lib/db/migrate.ts';
import { ensurePrismaClient } from './lib/prisma-client.ts';

const USAGE = `Usage: npm run admin -- <command> [options]

Commands:
  create-user --email E --password P --role owner|admin|editor|auditor --org NAME
      Creates the organization if missing and the user if missing, then the membership
      (or updates the role of an existing membership). An existing user's password is kept.
  create-token --email E --scopes templates:read,templates:write,events:write,reports:read --name N [--org NAME]
      Creates an API token acting for the member; the token is the last line printed.
  verify-audit-log
      Checks every organization's hash-chained audit log and reports the first broken link.
  migrate
      Applies pending database migrations and exits.`;

class UsageError extends Error {}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || !value) throw new UsageError(`missing --${name}`);
  return value;
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      org: { type: 'string' },
      scopes: { type: 'string' },
      name: { type: 'string' },
    },
    strict: true,
  });

  ensurePrismaClient();
  const database = await openDatabase();
  try {
    await migrateDatabase(database.url);
    process.env.DATABASE_URL = database.url;
    // Imported after DATABASE_URL is known: the client reads it when first used.
    const { provisionUser, provisionToken } = await import('../lib/admin/provision.ts');
    const { verifyAuditLog } = await import('../lib/audit/verify.ts');
    switch (command) {
      case 'create-user': {
        const result = await provisionUser({
          email: required(values, 'email'),
          password: required(values, 'password'),
          role: required(values, 'role').toUpperCase(),
          org: required(values, 'org'),
        });
        const what = [
          result.createdOrganization ? 'created the organization' : null,
          result.createdUser ? 'created the user' : 'the user already existed (password unchanged)',
          result.createdMembership ? 'added the membership' : 'updated the membership',
        ].filter(Boolean);
        console.log(`${values.email} in ${values.org}: ${what.join(', ')}.`);
        return 0;
      }
      case 'create-token': {
        const { token, orgName } = await provisionToken({
          email: required(values, 'email'),
          name: required(values, 'name'),
          scopes: required(values, 'scopes').split(',').map((scope) => scope.trim()).filter(Boolean),
          ...(values.org ? { org: values.org } : {}),
        });
        console.log(`Created API token "${values.name}" for ${values.email} in ${orgName}. Store it now; it is not shown again:`);
        console.log(token);
        return 0;
      }
      case 'verify-audit-log': {
        const report = await verifyAuditLog();
        if (report.breaks.length === 0) {
          console.log(`Audit log intact: ${report.rows} entries in ${report.chains} chain(s).`);
          return 0;
        }
        for (const broken of report.breaks) {
          console.log(`BROKEN organization ${broken.orgId ?? '(none)'} at entry #${broken.seq} (row id ${broken.id}): ${broken.message}`);
        }
        return 1;
      }
      case 'migrate':
        console.log('Database is up to date.');
        return 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } finally {
    const { closeDatabaseConnections } = await import('../lib/db/client.ts');
    await closeDatabaseConnections();
    await database.stop();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`admin: ${(error as Error).message}\n\n${USAGE}`);
      process.exit(2);
    }
    const details = (error as { details?: { issues?: { path: string; message: string }[] } }).details?.issues;
    const suffix = details?.length ? ` ${details.map((issue) => `${issue.path || '(input)'}: ${issue.message}`).join('; ')}` : '';
    console.error(`admin: ${error instanceof Error ? error.message : String(error)}${suffix}`);
    process.exit(1);
  },
);
