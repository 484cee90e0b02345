import { defineConfig } from 'prisma/config'

// Used by the Prisma CLI for `generate` only: migrations are applied by scripts/migrate.ts
// (docs/decisions/002-sql-migrations.md).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
})
