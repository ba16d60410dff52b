CREATE TABLE `import_batch_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`action` text NOT NULL,
	`before` text,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_batch_items_batch_idx` ON `import_batch_items` (`batch_id`);--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`sheet_name` text NOT NULL,
	`inserted` integer NOT NULL,
	`updated` integer NOT NULL,
	`skipped` integer NOT NULL,
	`audit_id` integer,
	`at` text NOT NULL,
	`undone_at` text
);
