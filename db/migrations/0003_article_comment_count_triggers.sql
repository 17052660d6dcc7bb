-- articles.comment_count follows every insert and status change of comments, whoever writes them.
UPDATE `articles` SET `comment_count` = (
  SELECT count(*) FROM `comments` WHERE `comments`.`article_id` = `articles`.`id` AND `comments`.`status` != 'unavailable'
);
--> statement-breakpoint
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
