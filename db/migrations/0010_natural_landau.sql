ALTER TABLE `answer_counts` ADD `duration_ms` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `answer_counts` ADD `first_correct` integer;--> statement-breakpoint
-- Backfill from the log (the truth): time spent, and whether the earliest live answer was right.
UPDATE `answer_counts` SET
  `duration_ms` = coalesce((SELECT sum(l.`duration_ms`) FROM `review_logs` l WHERE l.`user_id` = `answer_counts`.`user_id` AND l.`item_id` = `answer_counts`.`item_id` AND l.`undone_at` IS NULL), 0),
  `first_correct` = (SELECT coalesce(l.`correct`, l.`rating` > 1) FROM `review_logs` l WHERE l.`user_id` = `answer_counts`.`user_id` AND l.`item_id` = `answer_counts`.`item_id` AND l.`undone_at` IS NULL ORDER BY l.`reviewed_at`, l.`id` LIMIT 1);
