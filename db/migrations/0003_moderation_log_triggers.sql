-- The moderation log is append-only. With recursive_triggers=ON (set on every connection),
-- INSERT OR REPLACE fires the DELETE trigger and an upsert fires the UPDATE trigger, so both fail.
CREATE TRIGGER `moderation_log_no_update`
BEFORE UPDATE ON `moderation_log`
BEGIN
  SELECT RAISE(ABORT, 'moderation_log is append-only: rows cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `moderation_log_no_delete`
BEFORE DELETE ON `moderation_log`
BEGIN
  SELECT RAISE(ABORT, 'moderation_log is append-only: rows cannot be removed');
END;
--> statement-breakpoint
-- Every row extends the chain: the next id, and the previous row's hash (the genesis value,
-- 64 zeros as in lib/log/hash-chain.ts, for the first row). The hash itself is computed in lib/log.
CREATE TRIGGER `moderation_log_extends_chain`
BEFORE INSERT ON `moderation_log`
WHEN NEW.`id` IS NOT (SELECT coalesce(max(`id`), 0) + 1 FROM `moderation_log`)
  OR NEW.`prev_hash` IS NOT coalesce(
    (SELECT `hash` FROM `moderation_log` ORDER BY `id` DESC LIMIT 1),
    '0000000000000000000000000000000000000000000000000000000000000000'
  )
BEGIN
  SELECT RAISE(ABORT, 'moderation_log: a row must extend the chain (next id, previous hash)');
END;
--> statement-breakpoint
-- A user named as the target of log rows stays, like one named as their actor (foreign key RESTRICT).
CREATE TRIGGER `users_logged_target_kept`
BEFORE DELETE ON `users`
WHEN EXISTS (SELECT 1 FROM `moderation_log` WHERE `target_type` = 'user' AND `target_id` = OLD.`id`)
BEGIN
  SELECT RAISE(ABORT, 'users: a user named in the moderation log cannot be deleted');
END;
