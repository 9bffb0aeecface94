// Admin CLI: `npm run admin -- <command> [options]`; the commands live in lib/admin/cli.ts.
import { ensurePrismaClient } from './lib/prisma-client.ts';

ensurePrismaClient();
// Imported after the Prisma client exists: a fresh clone has not generated it yet.
const { runAdminCli } = await import('../lib/admin/cli.ts');
const code = await runAdminCli(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) }, { closeConnections: true });
process.exit(code);
