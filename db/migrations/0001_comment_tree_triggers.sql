-- The thread's shape lives in parent_id, depth and path together; the database refuses any
-- comment whose three disagree, and refuses to move a comment once it is placed.
CREATE TRIGGER `comments_tree_consistent_on_insert`
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
BEFORE UPDATE OF `article_id`, `parent_id`, `depth`, `path` ON `comments`
WHEN NEW.`article_id` IS NOT OLD.`article_id` OR NEW.`parent_id` IS NOT OLD.`parent_id`
  OR NEW.`depth` IS NOT OLD.`depth` OR NEW.`path` IS NOT OLD.`path`
BEGIN
  SELECT RAISE(ABORT, 'comments: a comment cannot move within or between threads');
END;
