CREATE TABLE `moderation_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`actor_id` integer,
	`actor_name` text NOT NULL,
	`actor_role` text NOT NULL,
	`action` text NOT NULL,
	`target_type` text,
	`target_id` integer,
	`article_id` integer,
	`reason_code` text,
	`public_note` text,
	`internal_note` text,
	`previous_state` text,
	`new_state` text,
	`request_id` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "moderation_log_actor_role_valid" CHECK("moderation_log"."actor_role" IN ('reader', 'moderator', 'owner', 'system')),
	CONSTRAINT "moderation_log_system_has_no_actor" CHECK(("moderation_log"."actor_role" = 'system') = ("moderation_log"."actor_id" IS NULL)),
	CONSTRAINT "moderation_log_action_format" CHECK("moderation_log"."action" <> '' AND "moderation_log"."action" NOT GLOB '*[^a-z_]*'),
	CONSTRAINT "moderation_log_target_complete" CHECK(("moderation_log"."target_type" IS NULL) = ("moderation_log"."target_id" IS NULL)),
	CONSTRAINT "moderation_log_hash_format" CHECK(length("moderation_log"."hash") = 64 AND length("moderation_log"."prev_hash") = 64)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `moderation_log_hash_unique` ON `moderation_log` (`hash`);--> statement-breakpoint
CREATE INDEX `moderation_log_actor_idx` ON `moderation_log` (`actor_id`);--> statement-breakpoint
CREATE INDEX `moderation_log_target_idx` ON `moderation_log` (`target_type`,`target_id`);--> statement-breakpoint
CREATE INDEX `moderation_log_article_idx` ON `moderation_log` (`article_id`);--> statement-breakpoint
CREATE TABLE `sign_in_failures` (
	`id` integer PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`client_address` text NOT NULL,
	`failed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_failures_email_idx` ON `sign_in_failures` (`email`,`failed_at`);--> statement-breakpoint
CREATE INDEX `sign_in_failures_address_idx` ON `sign_in_failures` (`client_address`,`failed_at`);--> statement-breakpoint
CREATE INDEX `sign_in_failures_failed_at_idx` ON `sign_in_failures` (`failed_at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text DEFAULT 'reader' NOT NULL,
	`banned_at` text,
	`ban_reason` text,
	`session_version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "users_role_valid" CHECK("users"."role" IN ('reader', 'moderator', 'owner')),
	CONSTRAINT "users_ban_has_reason" CHECK(("users"."banned_at" IS NULL) = ("users"."ban_reason" IS NULL)),
	CONSTRAINT "users_session_version_positive" CHECK("users"."session_version" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);