// A signed-in reader answers the article or a visible comment: checks, limits and the insert in one immediate transaction.
import 'server-only';
import type { z } from 'zod';
import type { Db, Tx } from '@/db/client';
import { prepared } from '@/db/prepared';
import type { Actor } from '@/lib/shared/auth/actor';
import { authorizeActor } from '@/lib/auth/authorize-actor';
import { waitLabel } from '@/lib/shared/format/wait';
import { readCommentView } from '@/lib/queries/thread';
import { windowFullUntil } from '@/lib/rate-limit/window-full-until';
import { fail, type Failure, type Result, isFailure } from '@/lib/shared/result';
import { childPath } from '@/lib/shared/thread/comment-path';
import type { CommentView } from '@/lib/shared/thread/types';
import { parseInput } from '@/lib/shared/validation/parse-input';
import { postCommentSchema } from '@/lib/shared/validation/comment-text';
import { commentMaxLength } from './comment-max-length';
import { DUPLICATE_WINDOW_MS, POSTING_LIMITS } from '../shared/comments/comment-rules';

export type PostCommentInput = z.input<ReturnType<typeof postCommentSchema>>;

export type PostingOptions = { now?: number; maxLength?: number };

const PARENT_GONE: Record<string, string> = {
  hidden: 'That comment was hidden by moderators, so it cannot be answered.',
  deleted: 'That comment was deleted by its author, so it cannot be answered.',
  unavailable: 'That comment is no longer available, so it cannot be answered.',
};

/**
 * Who: signed-in users who are not banned (re-read from the database). Refuses with nothing
 * written: a closed article, a parent that is not a visible comment of the same article, a
 * limit reached, the same text again within 5 minutes. Author, status, times and depth come
 * from here, never from the input; fields the input adds are dropped by the schema.
 */
export function postComment(db: Db, actor: Actor, raw: PostCommentInput, options: PostingOptions = {}): Result<{ comment: CommentView }> {
  if (actor.kind === 'anonymous') return fail('UNAUTHENTICATED', 'Sign in to post a comment.');
  const input = parseInput(postCommentSchema(options.maxLength ?? commentMaxLength()), raw);
  if (!input.ok) return input;
  const { articleId, parentId, body } = input.data;
  const now = options.now ?? Date.now();

  return db.transaction((tx) => {
    const caller = authorizeActor(tx, actor, 'comment.post');
    if (isFailure(caller)) return caller;
    const author = caller.actor;
    if (author.kind !== 'user') return fail('FORBIDDEN', 'Comments are posted by people with an account.');

    const article = prepared(tx, 'SELECT comments_open AS open FROM articles WHERE id = ?').get(articleId) as { open: 0 | 1 } | undefined;
    if (!article) return fail('NOT_FOUND', 'That article does not exist.');
    if (article.open === 0) return fail('COMMENTS_CLOSED', 'Comments are closed on this article.');

    let parent: { path: string; depth: number } | null = null;
    if (parentId !== null) {
      const row = prepared(tx, 'SELECT path, depth, status FROM comments WHERE id = ? AND article_id = ?').get(parentId, articleId) as
        | { path: string; depth: number; status: string }
        | undefined;
      if (!row) return fail('NOT_FOUND', 'The comment you are answering does not exist under this article.');
      if (row.status !== 'visible') return fail('CONFLICT', PARENT_GONE[row.status]!);
      parent = row;
    }

    const refusal = postingRefusal(tx, author.id, body, now);
    if (refusal) return refusal;

    const id = (prepared(tx, 'SELECT coalesce(max(id), 0) + 1 AS id FROM comments').get() as { id: number }).id;
    const at = new Date(now).toISOString();
    prepared(tx, `INSERT INTO comments (id, article_id, parent_id, depth, path, author_id, author_name, body, status, origin, version, created_at, updated_at)
      VALUES (@id, @articleId, @parentId, @depth, @path, @authorId, @authorName, @body, 'visible', 'reader', 1, @at, @at)`).run({
      id,
      articleId,
      parentId,
      depth: parent ? parent.depth + 1 : 0,
      path: childPath(parent?.path ?? null, id),
      authorId: author.id,
      authorName: author.displayName,
      body,
      at,
    });
    return { ok: true, comment: readCommentView(tx, articleId, author.id, id)! };
  }, { behavior: 'immediate' });
}

/**
 * Why posting must wait, naming the moment it may happen again: of a duplicate and each posting
 * limit, the refusal that ends last (on a tie the earlier in that order, so a duplicate's more
 * specific message wins), since any sooner time would be a promise the others break. Runs inside
 * the posting transaction.
 */
function postingRefusal(tx: Tx, authorId: number, body: string, now: number): Failure | null {
  const refusals: { until: number; failure: Failure }[] = [];
  const duplicate = prepared(tx, `SELECT created_at AS at FROM comments
    WHERE author_id = ? AND created_at > ? AND body = ? AND status <> 'deleted'
    ORDER BY created_at DESC LIMIT 1`).get(authorId, new Date(now - DUPLICATE_WINDOW_MS).toISOString(), body) as { at: string } | undefined;
  if (duplicate) {
    const until = Date.parse(duplicate.at) + DUPLICATE_WINDOW_MS;
    refusals.push({ until, failure: fail('DUPLICATE', `You posted the same text a moment ago. You can post it again ${waitLabel(until, now)}.`) });
  }
  for (const rule of POSTING_LIMITS) {
    const newest = prepared(tx, `SELECT created_at FROM comments WHERE author_id = ? AND created_at > ?
      ORDER BY created_at DESC LIMIT ?`).pluck().all(authorId, new Date(now - rule.windowMs).toISOString(), rule.limit) as string[];
    const until = windowFullUntil(newest, rule, now);
    if (until !== null) refusals.push({ until, failure: fail('RATE_LIMITED', `You can post ${rule.label}. You can post again ${waitLabel(until, now)}.`) });
  }
  const last = refusals.reduce<(typeof refusals)[number] | null>((latest, next) => (latest === null || next.until > latest.until ? next : latest), null);
  return last?.failure ?? null;
}
