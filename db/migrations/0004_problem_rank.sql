ALTER TABLE `member_state` ADD `problem_rank` integer;--> statement-breakpoint
ALTER TABLE `member_state` ADD `problem_rank_on` text;--> statement-breakpoint
ALTER TABLE `member_state` ADD `problem_rank_until` text;--> statement-breakpoint
CREATE INDEX `member_state_problem_rank_idx` ON `member_state` (`problem_rank`,`record_id`);--> statement-breakpoint
CREATE INDEX `member_state_problem_until_idx` ON `member_state` (`problem_rank_until`);--> statement-breakpoint
CREATE INDEX `member_state_problem_on_idx` ON `member_state` (`problem_rank_on`);