// The author replaces their text within the edit window; the old text becomes a revision and the change is logged.
import 'server-only';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { prepared } from '@/db/prepared';
import { commentRevisions, comments } from '@/db/schema';
import type { Actor } from '@/lib/shared/auth/actor';
import { readCommentView } from '@/lib/queries/thread';
import { fail, type Result } from '@/lib/shared/result';
import type { CommentView } from '@/lib/shared/thread/types';
import { editCommentSchema } from '@/lib/shared/validation/comment-text';
import { parseInput } from '@/lib/shared/validation/parse-input';
import { logCommentChange, readCommentLogState } from './log-comment-change';
import { commentMaxLength } from './comment-max-length';
import { EDIT_WINDOW_MS, MAX_EDITS_PER_COMMENT } from '../shared/comments/comment-rules';
import type { PostingOptions } from './post-comment';
import { notVisibleRefusal, withOwnComment } from './with-own-comment';

export type EditCommentInput = z.input<ReturnType<typeof editCommentSchema>>;

/**
 * Who: the comment's author, signed in and not banned, within 15 minutes of posting, while the
 * comment is visible, at most MAX_EDITS_PER_COMMENT times (each edit is a revision and a log row).
 * `version` is the one the author saw: a comment changed since is a CONFLICT.
 * Writes: the previous text as a comment_revisions row, the new text with version + 1 and
 * edited_at, and one `comment_edited` log row (states carry a hash of the text, not the text).
 */
export function editComment(db: Db, actor: Actor, raw: EditCommentInput, options: PostingOptions = {}): Result<{ comment: CommentView }> {
  if (actor.kind === 'anonymous') return fail('UNAUTHENTICATED', 'Sign in to edit your comment.');
  const input = parseInput(editCommentSchema(options.maxLength ?? commentMaxLength()), raw);
  if (!input.ok) return input;
  const { commentId, version, body } = input.data;
  const now = options.now ?? Date.now();

  return withOwnComment(db, actor, commentId, (tx, author, comment) => {
    const gone = notVisibleRefusal(comment, 'edited');
    if (gone) return gone;
    if (now - Date.parse(comment.createdAt) > EDIT_WINDOW_MS) {
      return fail('EDIT_WINDOW_PASSED', 'Comments can be edited for 15 minutes after posting, and that time has passed.');
    }
    if (comment.version !== version) {
      return fail('CONFLICT', 'This comment changed since you opened it (perhaps in another tab). Reload to see its current text.');
    }
    if (comment.body === body) return fail('NO_CHANGE', 'The text is the same as before.');
    const edits = (prepared(tx, 'SELECT count(*) AS n FROM comment_revisions WHERE comment_id = ?').get(comment.id) as { n: number }).n;
    if (edits >= MAX_EDITS_PER_COMMENT) {
      return fail('RATE_LIMITED', `A comment can be edited at most ${MAX_EDITS_PER_COMMENT} times, and this one has been.`);
    }

    const at = new Date(now).toISOString();
    const before = readCommentLogState(tx, comment.id);
    tx.insert(commentRevisions).values({
      commentId: comment.id,
      version: comment.version,
      body: comment.body,
      writtenAt: comment.editedAt ?? comment.createdAt,
      replacedAt: at,
    }).run();
    tx.update(comments).set({ body, version: comment.version + 1, editedAt: at, updatedAt: at }).where(eq(comments.id, comment.id)).run();
    logCommentChange(tx, {
      actor: author.logActor,
      action: 'comment_edited',
      comment,
      before,
      after: readCommentLogState(tx, comment.id),
      requestId: actor.requestId,
    });
    return { ok: true, comment: readCommentView(tx, comment.articleId, author.viewer.id, comment.id)! };
  });
}
