CREATE TABLE `fsrs_optimizer` (
	`user_id` text PRIMARY KEY NOT NULL,
	`parameters_id` text,
	`claimed_until` integer,
	`last_run_at` integer,
	`reviews_at_last_run` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `fsrs_parameters` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`weights` text NOT NULL,
	`kind` text NOT NULL,
	`log_loss` real NOT NULL,
	`rmse_bins` real NOT NULL,
	`previous_log_loss` real NOT NULL,
	`previous_rmse_bins` real NOT NULL,
	`train_reviews` integer NOT NULL,
	`test_reviews` integer NOT NULL,
	`cards` integer NOT NULL,
	`adopted` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `fsrs_parameters_user` ON `fsrs_parameters` (`user_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `review_logs` ADD `parameters_id` text;