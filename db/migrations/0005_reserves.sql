CREATE TABLE `reserve_affair_participants` (
	`affair_id` integer NOT NULL,
	`reserve_id` integer NOT NULL,
	FOREIGN KEY (`affair_id`) REFERENCES `reserve_affairs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reserve_id`) REFERENCES `reserves`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reserve_affair_participants_uq` ON `reserve_affair_participants` (`affair_id`,`reserve_id`);--> statement-breakpoint
CREATE INDEX `reserve_affair_participants_reserve_idx` ON `reserve_affair_participants` (`reserve_id`);--> statement-breakpoint
CREATE TABLE `reserve_affairs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`affair_type` text NOT NULL,
	`description` text,
	`deleted_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reserve_affairs_date_idx` ON `reserve_affairs` (`date`);--> statement-breakpoint
CREATE TABLE `reserve_assessments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reserve_id` integer NOT NULL,
	`period` text NOT NULL,
	`points` real,
	`rating` text,
	`warning_talk_on` text,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	FOREIGN KEY (`reserve_id`) REFERENCES `reserves`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reserve_assessments_uq` ON `reserve_assessments` (`reserve_id`,`period`);--> statement-breakpoint
CREATE INDEX `reserve_assessments_period_idx` ON `reserve_assessments` (`period`);--> statement-breakpoint
CREATE TABLE `reserve_enrolments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`training_id` integer NOT NULL,
	`reserve_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`cost_fen` integer DEFAULT 0 NOT NULL,
	`result` text,
	FOREIGN KEY (`training_id`) REFERENCES `reserve_trainings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reserve_id`) REFERENCES `reserves`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reserve_enrolments_uq` ON `reserve_enrolments` (`training_id`,`reserve_id`);--> statement-breakpoint
CREATE INDEX `reserve_enrolments_reserve_idx` ON `reserve_enrolments` (`reserve_id`);--> statement-breakpoint
CREATE TABLE `reserve_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reserve_id` integer NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`reason` text,
	`post` text,
	`chain` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	FOREIGN KEY (`reserve_id`) REFERENCES `reserves`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reserve_events_reserve_idx` ON `reserve_events` (`reserve_id`,`date`);--> statement-breakpoint
CREATE INDEX `reserve_events_date_idx` ON `reserve_events` (`date`);--> statement-breakpoint
CREATE TABLE `reserve_trainings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`title` text,
	`host` text,
	`start_on` text NOT NULL,
	`end_on` text,
	`hours` real DEFAULT 0 NOT NULL,
	`cost_fen` integer DEFAULT 0 NOT NULL,
	`funding_source` text,
	`cost_item` text,
	`note` text,
	`deleted_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reserve_trainings_start_idx` ON `reserve_trainings` (`start_on`);--> statement-breakpoint
CREATE TABLE `reserves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`post_direction` text NOT NULL,
	`source` text NOT NULL,
	`cross_village` integer DEFAULT false NOT NULL,
	`nomination_method` text NOT NULL,
	`nominated_by` text,
	`nominated_on` text NOT NULL,
	`village_review_on` text,
	`town_review_on` text,
	`filed_on` text,
	`mentor_name` text,
	`mentor_post` text,
	`political_status` text,
	`under_discipline` integer DEFAULT false NOT NULL,
	`unqualified_year` integer,
	`photo_attachment_id` integer,
	`note` text,
	`deleted_at` text,
	`status` text NOT NULL,
	`status_on` text NOT NULL,
	`appointed_post` text,
	`training_count` integer DEFAULT 0 NOT NULL,
	`training_hours` real DEFAULT 0 NOT NULL,
	`affair_count` integer DEFAULT 0 NOT NULL,
	`name_key` text DEFAULT '' NOT NULL,
	`person_live` integer DEFAULT true NOT NULL,
	`person_name` text,
	`gender` text,
	`birth_date` text,
	`education` text,
	`unit_order` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reserves_person_idx` ON `reserves` (`person_id`);--> statement-breakpoint
CREATE INDEX `reserves_live_unit_idx` ON `reserves` (`unit_order`,`unit_id`,`name_key`,`id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `reserves_live_name_idx` ON `reserves` (`name_key`,`id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `reserves_live_status_idx` ON `reserves` (`status`,`unit_order`,`unit_id`,`name_key`,`id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `reserves_live_birth_idx` ON `reserves` (`birth_date`) WHERE deleted_at IS NULL;