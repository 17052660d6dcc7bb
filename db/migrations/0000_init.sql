CREATE TABLE `articles` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`photo_credit` text,
	`body` text NOT NULL,
	`footer` text,
	`published_on` text NOT NULL,
	`comment_count` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "articles_published_on_format" CHECK("articles"."published_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' OR "articles"."published_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_slug_unique` ON `articles` (`slug`);--> statement-breakpoint
CREATE TABLE `comments` (
	`id` integer PRIMARY KEY NOT NULL,
	`article_id` integer NOT NULL,
	`parent_id` integer,
	`depth` integer NOT NULL,
	`path` text NOT NULL,
	`author_name` text NOT NULL,
	`body` text NOT NULL,
	`status` text DEFAULT 'visible' NOT NULL,
	`origin` text DEFAULT 'reader' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`parent_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "comments_status_valid" CHECK("comments"."status" IN ('visible', 'hidden', 'deleted', 'unavailable')),
	CONSTRAINT "comments_origin_valid" CHECK("comments"."origin" IN ('reader', 'import', 'synthetic')),
	CONSTRAINT "comments_depth_matches_parent" CHECK(("comments"."parent_id" IS NULL) = ("comments"."depth" = 0)),
	CONSTRAINT "comments_path_matches_depth" CHECK(length("comments"."path") = 12 * ("comments"."depth" + 1) AND "comments"."path" NOT GLOB '*[^0-9]*'),
	CONSTRAINT "comments_version_positive" CHECK("comments"."version" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `comments_article_path_idx` ON `comments` (`article_id`,`path`);--> statement-breakpoint
CREATE INDEX `comments_article_depth_path_idx` ON `comments` (`article_id`,`depth`,`path`);--> statement-breakpoint
CREATE INDEX `comments_parent_idx` ON `comments` (`parent_id`);