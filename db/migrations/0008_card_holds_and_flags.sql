CREATE TABLE `card_holds` (
	`user_id` text NOT NULL,
	`item_id` text NOT NULL,
	`suspended_at` integer,
	`suspended_by` text,
	`leech_review_id` text,
	`buried_until` integer,
	PRIMARY KEY(`user_id`, `item_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `item_flags` (
	`user_id` text NOT NULL,
	`item_id` text NOT NULL,
	`reason` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `item_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `item_flags_item` ON `item_flags` (`item_id`);--> statement-breakpoint
ALTER TABLE `user_settings` ADD `leech_threshold` integer DEFAULT 8 NOT NULL;