CREATE TABLE `new_card_extensions` (
	`user_id` text NOT NULL,
	`day` text NOT NULL,
	`extra` integer NOT NULL,
	PRIMARY KEY(`user_id`, `day`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
