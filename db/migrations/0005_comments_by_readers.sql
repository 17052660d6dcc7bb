CREATE TABLE `comment_revisions` (
	`id` integer PRIMARY KEY NOT NULL,
	`comment_id` integer NOT NULL,
	`version` integer NOT NULL,
	`body` text NOT NULL,
	`written_at` text NOT NULL,
	`replaced_at` text NOT NULL,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `comment_revisions_comment_version_unique` ON `comment_revisions` (`comment_id`,`version`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY NOT NULL,
	`comment_id` integer NOT NULL,
	`reporter_id` integer NOT NULL,
	`reason` text NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	`resolved_at` text,
	`resolution` text,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "reports_reason_valid" CHECK("reports"."reason" IN ('spam', 'harassment', 'hate', 'misinformation', 'off_topic', 'other')),
	CONSTRAINT "reports_resolution_valid" CHECK("reports"."resolution" IS NULL OR "reports"."resolution" IN ('dismissed', 'hidden')),
	CONSTRAINT "reports_resolved_together" CHECK(("reports"."resolved_at" IS NULL) = ("reports"."resolution" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_open_unique` ON `reports` (`comment_id`,`reporter_id`) WHERE resolved_at IS NULL;--> statement-breakpoint
CREATE INDEX `reports_reporter_created_idx` ON `reports` (`reporter_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `reports_comment_resolved_idx` ON `reports` (`comment_id`,`resolved_at`);--> statement-breakpoint
ALTER TABLE `articles` ADD `comments_open` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `comments` ADD `author_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `comments` ADD `edited_at` text;--> statement-breakpoint
CREATE INDEX `comments_author_created_idx` ON `comments` (`author_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `comments_article_id_idx` ON `comments` (`article_id`,`id`);