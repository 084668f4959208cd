CREATE TABLE `quiz_answers` (
	`attempt_id` text NOT NULL,
	`position` integer NOT NULL,
	`item_id` text NOT NULL,
	`response` text NOT NULL,
	`correct` integer NOT NULL,
	`answered_at` integer NOT NULL,
	PRIMARY KEY(`attempt_id`, `position`),
	FOREIGN KEY (`attempt_id`) REFERENCES `quiz_attempts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `quiz_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`config` text NOT NULL,
	`item_ids` text NOT NULL,
	`seed` text NOT NULL,
	`started_at` integer NOT NULL,
	`deadline` integer,
	`finished_at` integer,
	`score` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `quiz_attempts_user` ON `quiz_attempts` (`user_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `review_requests` (
	`user_id` text NOT NULL,
	`item_id` text NOT NULL,
	`requested_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `item_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_requests_order` ON `review_requests` (`user_id`,`requested_at`);--> statement-breakpoint
ALTER TABLE `review_logs` ADD `response` text;--> statement-breakpoint
ALTER TABLE `review_logs` ADD `correct` integer;