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
--> statement-breakpoint
-- Added by hand: how many live people hold each value of each list filter, so the 人员库's total for no filter or
-- one filter is a lookup instead of a count over 100,000 index entries (core/people/list.ts). Kept by triggers in
-- the same transaction as every write, whoever the writer; unit_id and the optional codes are stored as text, ''
-- for none.
CREATE TABLE `people_counts` (
	`field` text NOT NULL,
	`value` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY (`field`, `value`)
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO people_counts (field, value, n)
  SELECT 'gender', gender, count(*) FROM people WHERE deleted_at IS NULL GROUP BY gender
  UNION ALL SELECT 'unit_id', coalesce(CAST(unit_id AS TEXT), ''), count(*) FROM people WHERE deleted_at IS NULL GROUP BY 2
  UNION ALL SELECT 'ethnicity', ethnicity, count(*) FROM people WHERE deleted_at IS NULL GROUP BY ethnicity
  UNION ALL SELECT 'education', coalesce(education, ''), count(*) FROM people WHERE deleted_at IS NULL GROUP BY 2
  UNION ALL SELECT 'occupation', coalesce(occupation, ''), count(*) FROM people WHERE deleted_at IS NULL GROUP BY 2;--> statement-breakpoint
CREATE TRIGGER `people_counts_ai` AFTER INSERT ON `people` WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO people_counts (field, value, n) VALUES
    ('gender', new.gender, 1), ('unit_id', coalesce(CAST(new.unit_id AS TEXT), ''), 1), ('ethnicity', new.ethnicity, 1),
    ('education', coalesce(new.education, ''), 1), ('occupation', coalesce(new.occupation, ''), 1)
  ON CONFLICT (field, value) DO UPDATE SET n = n + 1;
END;--> statement-breakpoint
CREATE TRIGGER `people_counts_ad` AFTER DELETE ON `people` WHEN old.deleted_at IS NULL BEGIN
  UPDATE people_counts SET n = n - 1 WHERE (field, value) IN (VALUES
    ('gender', old.gender), ('unit_id', coalesce(CAST(old.unit_id AS TEXT), '')), ('ethnicity', old.ethnicity),
    ('education', coalesce(old.education, '')), ('occupation', coalesce(old.occupation, '')));
END;--> statement-breakpoint
CREATE TRIGGER `people_counts_au_old` AFTER UPDATE OF gender, unit_id, ethnicity, education, occupation, deleted_at ON `people` WHEN old.deleted_at IS NULL BEGIN
  UPDATE people_counts SET n = n - 1 WHERE (field, value) IN (VALUES
    ('gender', old.gender), ('unit_id', coalesce(CAST(old.unit_id AS TEXT), '')), ('ethnicity', old.ethnicity),
    ('education', coalesce(old.education, '')), ('occupation', coalesce(old.occupation, '')));
END;--> statement-breakpoint
CREATE TRIGGER `people_counts_au_new` AFTER UPDATE OF gender, unit_id, ethnicity, education, occupation, deleted_at ON `people` WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO people_counts (field, value, n) VALUES
    ('gender', new.gender, 1), ('unit_id', coalesce(CAST(new.unit_id AS TEXT), ''), 1), ('ethnicity', new.ethnicity, 1),
    ('education', coalesce(new.education, ''), 1), ('occupation', coalesce(new.occupation, ''), 1)
  ON CONFLICT (field, value) DO UPDATE SET n = n + 1;
END;
