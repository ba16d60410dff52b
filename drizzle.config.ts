import { defineConfig } from 'drizzle-kit';

// Generated SQL lands in db/migrations and is reviewed by hand before commit (no DROP TABLE, ever).
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
