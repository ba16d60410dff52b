import { describe, expect, it } from 'vitest';
import { readShippedMigrations } from '../../db/migrate';
import { defaultMigrationsDir } from '../../db/open';

/**
 * A guard for the hand review: a shipped migration may drop a table only as the last step of drizzle's rebuild
 * (copy into __new_X, drop X, rename __new_X to X), which keeps every row.
 */
describe('shipped migrations', () => {
  const shipped = readShippedMigrations(defaultMigrationsDir());

  it('are numbered in order', () => {
    shipped.forEach((m, i) => expect(m.tag.startsWith(String(i).padStart(4, '0'))).toBe(true));
  });

  it.each(shipped.map((m) => [m.tag, m.sql] as const))('%s never drops a table except in a copy-and-rename rebuild', (_tag, sql) => {
    const drops = [...sql.matchAll(/DROP TABLE\s+[`"]?(\w+)[`"]?/gi)].map((m) => m[1]!);
    for (const table of drops) {
      expect(sql).toMatch(new RegExp(`INSERT INTO [\`"]?__new_${table}[\`"]?`, 'i'));
      expect(sql).toMatch(new RegExp(`ALTER TABLE [\`"]?__new_${table}[\`"]? RENAME TO [\`"]?${table}[\`"]?`, 'i'));
    }
  });

  it('never delete rows or drop columns', () => {
    for (const m of shipped) {
      expect(m.sql).not.toMatch(/DELETE FROM|DROP COLUMN/i);
    }
  });
});
