ALTER TABLE `sessions` ADD `last_seen_at` integer;--> statement-breakpoint
ALTER TABLE `sign_in_failures` ADD `next_at` integer DEFAULT 0 NOT NULL;