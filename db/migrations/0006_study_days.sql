CREATE TABLE `study_days` (
	`user_id` text NOT NULL,
	`day` text NOT NULL,
	`answers` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	`review_answers` integer NOT NULL,
	`review_passed` integer NOT NULL,
	PRIMARY KEY(`user_id`, `day`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `review_logs` ADD `study_day` text;--> statement-breakpoint
-- Answers given before this migration get the study day they had in UTC (04:00 rollover): their learner's
-- time zone at the time is not recorded. New answers record their day in the learner's own zone.
UPDATE `review_logs` SET `study_day` = strftime('%Y-%m-%d', `reviewed_at` / 1000 - 4 * 3600, 'unixepoch') WHERE `study_day` IS NULL;
--> statement-breakpoint
INSERT INTO `study_days` (`user_id`, `day`, `answers`, `duration_ms`, `review_answers`, `review_passed`)
  SELECT `user_id`, `study_day`, count(*), sum(`duration_ms`),
    sum(json_extract(`before`, '$.state') = 2), sum(json_extract(`before`, '$.state') = 2 AND `rating` > 1)
  FROM `review_logs` WHERE `undone_at` IS NULL GROUP BY `user_id`, `study_day`;
