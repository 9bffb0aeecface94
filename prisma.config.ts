import { defineConfig } from 'prisma/config';

// No datasource URL here: migrations are SQL files applied by node-pg-migrate (lib/db/migrate.ts),
// and the client gets its connection from lib/db/client.ts at run time.
export default defineConfig({
  schema: 'prisma/schema.prisma',
});
