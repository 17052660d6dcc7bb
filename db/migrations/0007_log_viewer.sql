CREATE INDEX `moderation_log_actor_action_idx` ON `moderation_log` (`actor_id`,`action`);--> statement-breakpoint
CREATE INDEX `moderation_log_action_idx` ON `moderation_log` (`action`);--> statement-breakpoint
CREATE INDEX `moderation_log_reason_idx` ON `moderation_log` (`reason_code`);--> statement-breakpoint
CREATE INDEX `moderation_log_created_idx` ON `moderation_log` (`created_at`);--> statement-breakpoint
-- Log times never go back and always have one shape (ISO 8601 UTC with milliseconds), so the log's
-- id order is its time order and a date range is an id range. appendLogEntry never stamps a row
-- earlier than the one before it, even if the clock steps back.
CREATE TRIGGER `moderation_log_time_ordered`
BEFORE INSERT ON `moderation_log`
WHEN NEW.`created_at` NOT GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'
  OR NEW.`created_at` < (SELECT `created_at` FROM `moderation_log` ORDER BY `id` DESC LIMIT 1)
BEGIN
  SELECT RAISE(ABORT, 'moderation_log: created_at must be ISO 8601 UTC with milliseconds, not earlier than the row before');
END;
--> statement-breakpoint
-- The log viewer's note search: a trigram index over both notes finds a substring of three or more
-- characters without reading every row. It only narrows the search; the LIKE on the log row decides.
CREATE VIRTUAL TABLE `moderation_log_notes` USING fts5(
  `public_note`, `internal_note`, content='moderation_log', content_rowid='id', tokenize='trigram'
);
--> statement-breakpoint
INSERT INTO `moderation_log_notes` (`rowid`, `public_note`, `internal_note`)
  SELECT `id`, `public_note`, `internal_note` FROM `moderation_log`
  WHERE `public_note` IS NOT NULL OR `internal_note` IS NOT NULL;
--> statement-breakpoint
-- The log is append-only, so an insert is the only change the index has to follow.
CREATE TRIGGER `moderation_log_notes_indexed`
AFTER INSERT ON `moderation_log`
WHEN NEW.`public_note` IS NOT NULL OR NEW.`internal_note` IS NOT NULL
BEGIN
  INSERT INTO `moderation_log_notes` (`rowid`, `public_note`, `internal_note`) VALUES (NEW.`id`, NEW.`public_note`, NEW.`internal_note`);
END;
