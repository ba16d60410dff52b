-- 操作日志 is append-only: no code path updates or deletes audit_log rows (undo and import undo write new rows and
-- read old ones; tests/integration/audit-append-only.test.ts checks both). These triggers make the file itself refuse
-- an edit made through SQLite, so a bug or a hand-run statement cannot rewrite history. Reviewed by hand: no data
-- changes. A later table rebuild of audit_log (drizzle's __new_ copy) drops the triggers with the old table and must
-- create them again in the same migration.
CREATE TRIGGER IF NOT EXISTS `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, '操作日志只能追加，不能修改。');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, '操作日志只能追加，不能删除。');
END;
