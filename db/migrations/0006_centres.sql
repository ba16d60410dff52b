CREATE TABLE `centre_funds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`centre_id` integer NOT NULL,
	`source` text NOT NULL,
	`planned_fen` integer NOT NULL,
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `centre_funds_uq` ON `centre_funds` (`centre_id`,`source`);--> statement-breakpoint
CREATE INDEX `centre_funds_source_idx` ON `centre_funds` (`source`);--> statement-breakpoint
CREATE TABLE `centre_milestones` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`centre_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`name` text NOT NULL,
	`planned_on` text NOT NULL,
	`baseline_on` text NOT NULL,
	`actual_on` text,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `centre_milestones_uq` ON `centre_milestones` (`centre_id`,`seq`);--> statement-breakpoint
CREATE INDEX `centre_milestones_actual_idx` ON `centre_milestones` (`actual_on`);--> statement-breakpoint
CREATE TABLE `centre_money` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`centre_id` integer NOT NULL,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`date` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `centre_money_centre_idx` ON `centre_money` (`centre_id`,`date`);--> statement-breakpoint
CREATE INDEX `centre_money_date_idx` ON `centre_money` (`date`);--> statement-breakpoint
CREATE TABLE `centre_progress` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`centre_id` integer NOT NULL,
	`date` text NOT NULL,
	`percent` integer NOT NULL,
	`note` text,
	`deleted_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `centre_progress_centre_idx` ON `centre_progress` (`centre_id`,`date`);--> statement-breakpoint
CREATE TABLE `centres` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`name` text,
	`current_area` real,
	`build_year` integer,
	`is_dangerous` integer DEFAULT false NOT NULL,
	`is_old` integer DEFAULT false NOT NULL,
	`is_cramped` integer DEFAULT false NOT NULL,
	`is_small` integer DEFAULT false NOT NULL,
	`condition_note` text,
	`renovation_type` text NOT NULL,
	`target_area` real,
	`hall_area` real,
	`rooms` text DEFAULT '[]' NOT NULL,
	`contractor` text,
	`leader_name` text,
	`leader_phone` text,
	`responsible_name` text,
	`responsible_phone` text,
	`decision_dates` text DEFAULT '{}' NOT NULL,
	`required_on` text NOT NULL,
	`total_fen` integer DEFAULT 0 NOT NULL,
	`asset_registered_on` text,
	`not_encumbered` integer DEFAULT false NOT NULL,
	`note` text,
	`deleted_at` text,
	`done_late_days` integer,
	`open_due` text,
	`open_milestone` text,
	`started_on` text,
	`completed_on` text,
	`in_use_on` text,
	`progress_percent` integer DEFAULT 0 NOT NULL,
	`progress_on` text,
	`projected_on` text,
	`unit_order` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `centres_live_unit_uq` ON `centres` (`unit_id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `centres_live_order_idx` ON `centres` (`unit_order`,`unit_id`,`id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `centres_live_type_idx` ON `centres` (`renovation_type`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `centres_live_due_idx` ON `centres` (`open_due`) WHERE deleted_at IS NULL;