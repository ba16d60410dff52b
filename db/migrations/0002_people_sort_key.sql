ALTER TABLE `people` ADD `sort_key` text;--> statement-breakpoint
CREATE INDEX `people_live_sort_key_idx` ON `people` (`sort_key`,`id`,`gender`,`unit_id`,`ethnicity`,`education`,`occupation`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `people_live_birth_date_idx` ON `people` (`birth_date`,`id`,`gender`,`unit_id`,`ethnicity`,`education`,`occupation`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `people_live_created_at_idx` ON `people` (`created_at`,`id`,`gender`,`unit_id`,`ethnicity`,`education`,`occupation`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `people_live_updated_at_idx` ON `people` (`updated_at`,`id`,`gender`,`unit_id`,`ethnicity`,`education`,`occupation`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `people_live_unit_idx` ON `people` (`unit_id`,`id`,`gender`,`ethnicity`,`education`,`occupation`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `people_live_search_idx` ON `people` (`name`,`id_number`,`phone`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `people_deleted_idx` ON `people` (`deleted_at`) WHERE deleted_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `people_sort_key_missing_idx` ON `people` (`id`) WHERE sort_key IS NULL;--> statement-breakpoint
CREATE INDEX `org_units_sort_idx` ON `org_units` (`sort_order`,`id`);--> statement-breakpoint
-- Added by hand (drizzle-kit has no virtual tables): substring search over name, 公民身份号码 and phone for queries
-- of three or more characters (core/people/search.ts). External content, kept in step with people by triggers, so
-- every writer (services, bulk load, demo data, imports) keeps it true without knowing it exists.
CREATE VIRTUAL TABLE `people_search` USING fts5(name, id_number, phone, content='people', content_rowid='id', tokenize='trigram');--> statement-breakpoint
CREATE TRIGGER `people_search_ai` AFTER INSERT ON `people` BEGIN
  INSERT INTO people_search(rowid, name, id_number, phone) VALUES (new.id, new.name, new.id_number, new.phone);
END;--> statement-breakpoint
CREATE TRIGGER `people_search_ad` AFTER DELETE ON `people` BEGIN
  INSERT INTO people_search(people_search, rowid, name, id_number, phone) VALUES ('delete', old.id, old.name, old.id_number, old.phone);
END;--> statement-breakpoint
CREATE TRIGGER `people_search_au` AFTER UPDATE OF name, id_number, phone ON `people` BEGIN
  INSERT INTO people_search(people_search, rowid, name, id_number, phone) VALUES ('delete', old.id, old.name, old.id_number, old.phone);
  INSERT INTO people_search(rowid, name, id_number, phone) VALUES (new.id, new.name, new.id_number, new.phone);
END;--> statement-breakpoint
INSERT INTO people_search(people_search) VALUES ('rebuild');
