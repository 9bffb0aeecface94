import { parseArgs } from 'node:util';
import { openDatabase } from '@/lib/db/embedded';
import { migrateDatabase } from '@/lib/db/migrate';

/**
 * The admin CLI (`npm run admin -- <command>`), as a function so tests run its cases in-process:
 * it resolves the database exactly like the app (DATABASE_URL, or the embedded cluster in
 * PILOTLIGHT_DATA_DIR, started for the command if it is not running), applies pending
 * migrations, runs one command and returns the exit code. Errors are one line, never a stack.
 */
export const USAGE = `Usage: npm run admin -- <command> [options]

Commands:
  create-user --email E --password P --role owner|admin|editor|auditor --org NAME
      Creates the organization if missing and the user if missing, then the membership
      (or updates the role of an existing membership). An existing user's password is kept.
  create-token --email E --scopes templates:read,templates:write,events:write,reports:read,audit:read --name N [--org NAME]
      Creates an API token acting for the member; the token is the last line printed.
  verify-audit-log
      Checks every organization's hash-chained audit log and reports every broken link.
  migrate
      Applies pending database migrations and exits.`;

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

export interface CliOptions {
  /** The process owns the connections and closes them at the end (the script); tests share theirs. */
  closeConnections?: boolean;
}

class UsageError extends Error {}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || !value) throw new UsageError(`missing --${name}`);
  return value;
}

export async function runAdminCli(argv: string[], io: CliOutput, options: CliOptions = {}): Promise<number> {
  try {
    return await dispatch(argv, io, options);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`admin: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    const details = (error as { details?: { issues?: { path: string; message: string }[] } }).details?.issues;
    const suffix = details?.length ? ` ${details.map((issue) => `${issue.path || '(input)'}: ${issue.message}`).join('; ')}` : '';
    io.err(`admin: ${error instanceof Error ? error.message : String(error)}${suffix}`);
    return 1;
  }
}

const COMMANDS = new Set(['create-user', 'create-token', 'verify-audit-log', 'migrate']);

async function dispatch(argv: string[], io: CliOutput, options: CliOptions): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE);
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
  // Usage errors need no database: answer them before starting one.
  if (!COMMANDS.has(command)) throw new UsageError(`unknown command "${command}"`);
  if (command === 'create-user') for (const name of ['email', 'password', 'role', 'org']) required(values, name);
  if (command === 'create-token') for (const name of ['email', 'scopes', 'name']) required(values, name);

  const database = await openDatabase();
  try {
    await migrateDatabase(database.url);
    process.env.DATABASE_URL = database.url;
    // Imported after DATABASE_URL is known: the client reads it when first used.
    const { provisionUser, provisionToken } = await import('./provision');
    const { verifyAuditLog } = await import('@/lib/audit/verify');
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
        io.out(`${values.email} in ${values.org}: ${what.join(', ')}.`);
        return 0;
      }
      case 'create-token': {
        const { token, orgName } = await provisionToken({
          email: required(values, 'email'),
          name: required(values, 'name'),
          scopes: required(values, 'scopes').split(',').map((scope) => scope.trim()).filter(Boolean),
          ...(values.org ? { org: values.org } : {}),
        });
        io.out(`Created API token "${values.name}" for ${values.email} in ${orgName}. Store it now; it is not shown again:`);
        io.out(token);
        return 0;
      }
      case 'verify-audit-log': {
        const report = await verifyAuditLog();
        if (report.breaks.length === 0) {
          io.out(`Audit log intact: ${report.rows} entries in ${report.chains} chain(s).`);
          return 0;
        }
        for (const broken of report.breaks) {
          io.out(`BROKEN organization ${broken.orgId ?? '(none)'} at entry #${broken.seq} (row id ${broken.id}): ${broken.message}`);
        }
        return 1;
      }
      default:
        io.out('Database is up to date.');
        return 0;
    }
  } finally {
    if (options.closeConnections) {
      const { closeDatabaseConnections } = await import('@/lib/db/client');
      await closeDatabaseConnections();
    }
    await database.stop();
  }
}
