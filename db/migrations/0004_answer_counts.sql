CREATE TABLE `answer_counts` (
	`user_id` text NOT NULL,
	`item_id` text NOT NULL,
	`answers` integer NOT NULL,
	`correct` integer NOT NULL,
	PRIMARY KEY(`user_id`, `item_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `answer_counts_item` ON `answer_counts` (`item_id`);--> statement-breakpoint
CREATE INDEX `review_logs_wrong` ON `review_logs` (`item_id`,`response`,`user_id`) WHERE correct = 0 and response is not null and undone_at is null;--> statement-breakpoint
-- Backfill the new cache from the log (the truth) for databases that already hold reviews.
INSERT INTO `answer_counts` (`user_id`, `item_id`, `answers`, `correct`)
SELECT `user_id`, `item_id`, count(*), sum(coalesce(`correct`, `rating` > 1)) FROM `review_logs` WHERE `undone_at` IS NULL GROUP BY `user_id`, `item_id`;
