ALTER TABLE `member_state` ADD `person_name` text;--> statement-breakpoint
ALTER TABLE `member_state` ADD `id_number` text;--> statement-breakpoint
ALTER TABLE `member_state` ADD `problem_rank` integer;--> statement-breakpoint
ALTER TABLE `member_state` ADD `problem_rank_on` text;--> statement-breakpoint
ALTER TABLE `member_state` ADD `problem_rank_until` text;--> statement-breakpoint
CREATE INDEX `member_state_problem_rank_idx` ON `member_state` (`problem_rank`,`record_id`);--> statement-breakpoint
CREATE INDEX `member_state_problem_until_idx` ON `member_state` (`problem_rank_until`);--> statement-breakpoint
CREATE INDEX `member_state_problem_on_idx` ON `member_state` (`problem_rank_on`);--> statement-breakpoint
-- Added by hand: files judged before this migration get the name and number they are searched by (every later
-- judgement writes them). The 问题 rank is left empty: the first 问题 read ranks every file (core/members/problem-rank.ts).
UPDATE `member_state` SET
  `person_name` = (SELECT `name` FROM `people` WHERE `people`.`id` = `member_state`.`person_id`),
  `id_number` = (SELECT `id_number` FROM `people` WHERE `people`.`id` = `member_state`.`person_id`);
