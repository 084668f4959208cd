ALTER TABLE `decks` ADD `owner_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `decks` ADD `created_at` integer;--> statement-breakpoint
CREATE INDEX `decks_owner` ON `decks` (`owner_id`);--> statement-breakpoint
ALTER TABLE `items` ADD `private_deck_id` text;--> statement-breakpoint
CREATE INDEX `items_private_deck` ON `items` (`private_deck_id`);