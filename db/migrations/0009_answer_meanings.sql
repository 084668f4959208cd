DROP INDEX `review_logs_wrong`;--> statement-breakpoint
ALTER TABLE `review_logs` ADD `response_meaning` text;--> statement-breakpoint
CREATE INDEX `review_logs_wrong` ON `review_logs` (`item_id`,`response_meaning`,`user_id`) WHERE correct = 0 and response is not null and undone_at is null;--> statement-breakpoint
ALTER TABLE `quiz_answers` ADD `meaning` text;--> statement-breakpoint
-- Typed and cloze answers already logged mean what was typed; a chosen index cannot be read back without its question.
UPDATE `review_logs` SET `response_meaning` = json_object('kind', 'text', 'text', trim(`response`))
  WHERE `response_meaning` IS NULL AND trim(coalesce(`response`, '')) != ''
    AND `item_id` IN (SELECT `id` FROM `items` WHERE json_extract(`data`, '$.kind') IN ('typed', 'cloze'));
