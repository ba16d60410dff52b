CREATE TABLE `member_deadlines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_id` integer NOT NULL,
	`kind` text NOT NULL,
	`rule_id` text NOT NULL,
	`step` integer NOT NULL,
	`due_date` text NOT NULL,
	`final_date` text,
	`overdue_level` text NOT NULL,
	`facts` text NOT NULL,
	FOREIGN KEY (`record_id`) REFERENCES `member_records`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_deadlines_record_idx` ON `member_deadlines` (`record_id`);--> statement-breakpoint
CREATE INDEX `member_deadlines_due_idx` ON `member_deadlines` (`due_date`);--> statement-breakpoint
CREATE TABLE `member_findings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`rule_id` text NOT NULL,
	`level` text NOT NULL,
	`hard` integer DEFAULT false NOT NULL,
	`step` integer,
	`field` text,
	`message` text NOT NULL,
	`dates` text NOT NULL,
	`explanation` text,
	`active_from` text,
	`active_until` text,
	FOREIGN KEY (`record_id`) REFERENCES `member_records`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_findings_record_idx` ON `member_findings` (`record_id`,`seq`);--> statement-breakpoint
CREATE INDEX `member_findings_rule_idx` ON `member_findings` (`rule_id`);--> statement-breakpoint
CREATE TABLE `member_state` (
	`record_id` integer PRIMARY KEY NOT NULL,
	`person_id` integer NOT NULL,
	`unit_id` integer,
	`branch_id` integer,
	`name_key` text NOT NULL,
	`rules_version` integer NOT NULL,
	`judged_on` text NOT NULL,
	`judged_until` text NOT NULL,
	`stage` integer NOT NULL,
	`status` text NOT NULL,
	`status_group` text NOT NULL,
	`last_step` integer NOT NULL,
	`next_step` integer,
	`next_earliest` text,
	`next_latest` text,
	`probation_end` text,
	`party_age_start` text,
	`activist_on` text,
	`approved_on` text,
	`first_date` text,
	`deadline_due` text,
	FOREIGN KEY (`record_id`) REFERENCES `member_records`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_state_group_stage_idx` ON `member_state` (`status_group`,`stage`);--> statement-breakpoint
CREATE INDEX `member_state_unit_idx` ON `member_state` (`unit_id`);--> statement-breakpoint
CREATE INDEX `member_state_branch_idx` ON `member_state` (`branch_id`);--> statement-breakpoint
CREATE INDEX `member_state_person_idx` ON `member_state` (`person_id`);--> statement-breakpoint
CREATE INDEX `member_state_name_idx` ON `member_state` (`name_key`);--> statement-breakpoint
CREATE INDEX `member_state_deadline_idx` ON `member_state` (`deadline_due`);--> statement-breakpoint
CREATE INDEX `member_state_deadline_sort_idx` ON `member_state` (coalesce(`deadline_due`, '9999-12-31'));--> statement-breakpoint
CREATE INDEX `member_state_approved_idx` ON `member_state` (`approved_on`);--> statement-breakpoint
CREATE INDEX `member_state_activist_idx` ON `member_state` (`activist_on`);--> statement-breakpoint
CREATE INDEX `member_state_last_step_idx` ON `member_state` (`last_step`);--> statement-breakpoint
CREATE INDEX `member_state_until_idx` ON `member_state` (`judged_until`);--> statement-breakpoint
CREATE INDEX `member_state_version_idx` ON `member_state` (`rules_version`);