-- The thread's shape lives in id, parent_id, depth and path together: the database refuses a
-- comment whose four disagree, and refuses to move a comment once it is placed.
CREATE TRIGGER `comments_tree_consistent_on_insert`
BEFORE INSERT ON `comments`
WHEN substr(NEW.`path`, -12) IS NOT printf('%012d', NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'comments: a path must end with the comment''s own id, given explicitly');
END;
--> statement-breakpoint
CREATE TRIGGER `comments_reply_consistent_on_insert`
BEFORE INSERT ON `comments`
WHEN NEW.`parent_id` IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM `comments` AS `parent`
  WHERE `parent`.`id` = NEW.`parent_id`
    AND `parent`.`article_id` = NEW.`article_id`
    AND `parent`.`depth` + 1 = NEW.`depth`
    AND substr(NEW.`path`, 1, length(`parent`.`path`)) = `parent`.`path`
)
BEGIN
  SELECT RAISE(ABORT, 'comments: a reply must sit one level under a parent of the same article, inside its path');
END;
--> statement-breakpoint
CREATE TRIGGER `comments_tree_immutable`
BEFORE UPDATE OF `id`, `article_id`, `parent_id`, `depth`, `path` ON `comments`
WHEN NEW.`id` IS NOT OLD.`id` OR NEW.`article_id` IS NOT OLD.`article_id` OR NEW.`parent_id` IS NOT OLD.`parent_id`
  OR NEW.`depth` IS NOT OLD.`depth` OR NEW.`path` IS NOT OLD.`path`
BEGIN
  SELECT RAISE(ABORT, 'comments: a comment cannot move within or between threads');
END;
--> statement-breakpoint
-- articles.comment_count follows every insert, status change and delete of comments, whoever writes.
CREATE TRIGGER `comments_count_on_insert`
AFTER INSERT ON `comments`
WHEN NEW.`status` != 'unavailable'
BEGIN
  UPDATE `articles` SET `comment_count` = `comment_count` + 1 WHERE `id` = NEW.`article_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_count_on_status_change`
AFTER UPDATE OF `status` ON `comments`
WHEN (OLD.`status` = 'unavailable') != (NEW.`status` = 'unavailable')
BEGIN
  UPDATE `articles`
  SET `comment_count` = `comment_count` + CASE WHEN NEW.`status` = 'unavailable' THEN -1 ELSE 1 END
  WHERE `id` = NEW.`article_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_count_on_delete`
AFTER DELETE ON `comments`
WHEN OLD.`status` != 'unavailable'
BEGIN
  UPDATE `articles` SET `comment_count` = `comment_count` - 1 WHERE `id` = OLD.`article_id`;
END;
