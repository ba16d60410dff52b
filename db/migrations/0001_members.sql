CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_type` text NOT NULL,
	`owner_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`stored_path` text NOT NULL,
	`size` integer NOT NULL,
	`deleted_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `attachments_owner_idx` ON `attachments` (`owner_type`,`owner_id`);--> statement-breakpoint
CREATE TABLE `member_exits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_id` integer NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`months` integer,
	`meeting_date` text,
	`approval_date` text,
	`reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	FOREIGN KEY (`record_id`) REFERENCES `member_records`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_exits_record_idx` ON `member_exits` (`record_id`);--> statement-breakpoint
CREATE TABLE `member_periodic` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_id` integer NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`summary` text,
	`deleted_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	FOREIGN KEY (`record_id`) REFERENCES `member_records`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_periodic_record_idx` ON `member_periodic` (`record_id`,`kind`);--> statement-breakpoint
CREATE TABLE `member_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`branch_id` integer,
	`league_member` integer DEFAULT false NOT NULL,
	`league_recommend_date` text,
	`leaving_soon` integer DEFAULT false NOT NULL,
	`note` text,
	`deleted_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_records_person_idx` ON `member_records` (`person_id`);--> statement-breakpoint
CREATE INDEX `member_records_branch_idx` ON `member_records` (`branch_id`);--> statement-breakpoint
CREATE TABLE `member_reviews` (
	`record_id` integer PRIMARY KEY NOT NULL,
	`talk_date` text,
	`talk_by` text,
	`talk_summary` text,
	`report_date` text,
	`report_materials` text,
	`exam_date` text,
	`exam_note` text,
	`content_items` text,
	`conclusion_result` text,
	`conclusion_date` text,
	`conclusion_signer` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	FOREIGN KEY (`record_id`) REFERENCES `member_records`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `member_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_id` integer NOT NULL,
	`step_no` integer NOT NULL,
	`date` text NOT NULL,
	`people` text,
	`meeting` text,
	`publicity_from` text,
	`publicity_to` text,
	`training_days` integer,
	`training_hours` integer,
	`override_reason` text,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	FOREIGN KEY (`record_id`) REFERENCES `member_records`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `member_steps_record_step_uq` ON `member_steps` (`record_id`,`step_no`);--> statement-breakpoint
CREATE TABLE `review_letters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_id` integer NOT NULL,
	`date` text NOT NULL,
	`target` text NOT NULL,
	`reply_date` text,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
	FOREIGN KEY (`record_id`) REFERENCES `member_records`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_letters_record_idx` ON `review_letters` (`record_id`);--> statement-breakpoint
CREATE TABLE `rule_tables` (
	`version` integer PRIMARY KEY NOT NULL,
	`effective_date` text NOT NULL,
	`rules` text NOT NULL,
	`note` text,
	`created_at` text NOT NULL
);
