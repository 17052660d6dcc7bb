CREATE TABLE `annotations` (
	`id` integer PRIMARY KEY NOT NULL,
	`comment_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`visibility` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	`removed_at` text,
	`removed_by_id` integer,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`removed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "annotations_visibility_valid" CHECK("annotations"."visibility" IN ('internal', 'public')),
	CONSTRAINT "annotations_removed_together" CHECK(("annotations"."removed_at" IS NULL) = ("annotations"."removed_by_id" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `annotations_comment_idx` ON `annotations` (`comment_id`,`removed_at`);--> statement-breakpoint
ALTER TABLE `comments` ADD `flag_reason` text;--> statement-breakpoint
ALTER TABLE `comments` ADD `flag_note` text;--> statement-breakpoint
ALTER TABLE `comments` ADD `flagged_by_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `comments` ADD `flagged_at` text;--> statement-breakpoint
ALTER TABLE `comments` ADD `hidden_reason` text;--> statement-breakpoint
ALTER TABLE `comments` ADD `hidden_explanation` text;--> statement-breakpoint
ALTER TABLE `comments` ADD `hidden_note` text;--> statement-breakpoint
ALTER TABLE `comments` ADD `hidden_by_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `comments` ADD `hidden_at` text;--> statement-breakpoint
CREATE INDEX `comments_flagged_idx` ON `comments` (`flagged_at`) WHERE flagged_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `comments_article_flagged_idx` ON `comments` (`article_id`,`flagged_at`) WHERE flagged_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `comments_hidden_idx` ON `comments` (`hidden_at`) WHERE hidden_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `comments_article_hidden_idx` ON `comments` (`article_id`,`hidden_at`) WHERE hidden_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `comments_created_idx` ON `comments` (`created_at`);--> statement-breakpoint
CREATE INDEX `comments_article_created_idx` ON `comments` (`article_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `reports` ADD `resolved_by_id` integer REFERENCES users(id);--> statement-breakpoint
CREATE INDEX `reports_open_created_idx` ON `reports` (`created_at`,`comment_id`) WHERE resolved_at IS NULL;--> statement-breakpoint
-- A hidden comment always says why and when; a visible one carries no trace of an old hide.
-- The same holds for a flag. Checked on insert and on update, since ALTER TABLE cannot add a CHECK.
CREATE TRIGGER `comments_moderation_consistent_on_insert`
BEFORE INSERT ON `comments`
WHEN (NEW.`status` = 'hidden') <> (NEW.`hidden_reason` IS NOT NULL AND NEW.`hidden_at` IS NOT NULL)
  OR (NEW.`status` <> 'hidden' AND coalesce(NEW.`hidden_reason`, NEW.`hidden_explanation`, NEW.`hidden_note`, NEW.`hidden_by_id`, NEW.`hidden_at`) IS NOT NULL)
  OR (NEW.`flag_reason` IS NULL) <> (NEW.`flagged_at` IS NULL)
  OR (NEW.`flag_reason` IS NULL AND coalesce(NEW.`flag_note`, NEW.`flagged_by_id`) IS NOT NULL)
  OR NEW.`hidden_reason` NOT IN ('spam', 'harassment', 'hate', 'misinformation', 'off_topic', 'personal_information', 'other')
  OR NEW.`flag_reason` NOT IN ('spam', 'harassment', 'hate', 'misinformation', 'off_topic', 'personal_information', 'other')
BEGIN
  SELECT RAISE(ABORT, 'comments: hidden and flag fields must match the status and each other');
END;
--> statement-breakpoint
CREATE TRIGGER `comments_moderation_consistent_on_update`
BEFORE UPDATE OF `status`, `hidden_reason`, `hidden_explanation`, `hidden_note`, `hidden_by_id`, `hidden_at`, `flag_reason`, `flag_note`, `flagged_by_id`, `flagged_at` ON `comments`
WHEN (NEW.`status` = 'hidden') <> (NEW.`hidden_reason` IS NOT NULL AND NEW.`hidden_at` IS NOT NULL)
  OR (NEW.`status` <> 'hidden' AND coalesce(NEW.`hidden_reason`, NEW.`hidden_explanation`, NEW.`hidden_note`, NEW.`hidden_by_id`, NEW.`hidden_at`) IS NOT NULL)
  OR (NEW.`flag_reason` IS NULL) <> (NEW.`flagged_at` IS NULL)
  OR (NEW.`flag_reason` IS NULL AND coalesce(NEW.`flag_note`, NEW.`flagged_by_id`) IS NOT NULL)
  OR NEW.`hidden_reason` NOT IN ('spam', 'harassment', 'hate', 'misinformation', 'off_topic', 'personal_information', 'other')
  OR NEW.`flag_reason` NOT IN ('spam', 'harassment', 'hate', 'misinformation', 'off_topic', 'personal_information', 'other')
BEGIN
  SELECT RAISE(ABORT, 'comments: hidden and flag fields must match the status and each other');
END;
