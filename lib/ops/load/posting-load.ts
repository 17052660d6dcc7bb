// Posting load over HTTP: concurrent callers posting comments and replies as signed-in readers, recording each
// acknowledged post's id, author and text so that a test can find every one of them in the database.
import 'server-only';
import { runActionLoad, type ActionLoadOptions, type LoadRun } from './action-load';

/** A signed-in reader: the session cookie and the account it belongs to. */
export type LoadReader = { userId: number; cookie: string };

/** A post the server acknowledged, with what the database must hold for it. */
export type AcknowledgedPost = { commentId: number; authorId: number; body: string; at: number };

export type PostingLoadOptions = ActionLoadOptions & {
  /** The article's page: `/articles/<slug>`. */
  page: string;
  /** The build's action ids by exported name: readServerActionIds(). */
  actionIds: Record<string, string>;
  /** Used in turn; each may post 5 a minute, so give enough of them for the load wanted. */
  readers: LoadReader[];
  articleId: number;
  /** Comments to answer now and then (a reply to one hidden meanwhile is refused); top-level comments otherwise. */
  parentIds?: number[];
  /** Makes every text unique (the same text twice within 5 minutes is refused as a duplicate). */
  label: string;
  random?: () => number;
};

export type PostingLoadResult = LoadRun<AcknowledgedPost>;

/** The share of posts that answer a comment from parentIds. */
const REPLY_SHARE = 0.3;

export async function runPostingLoad(options: PostingLoadOptions): Promise<PostingLoadResult> {
  if (options.readers.length === 0) throw new Error('the posting load needs at least one reader');
  const actionId = options.actionIds.postCommentAction;
  if (!actionId) throw new Error('the build has no postCommentAction');
  const random = options.random ?? Math.random;
  const parents = options.parentIds ?? [];
  let turn = 0;
  return runActionLoad(options, () => {
    const reader = options.readers[turn % options.readers.length]!;
    const body = `${options.label}: post ${turn} by reader ${reader.userId}.`;
    turn += 1;
    const parentId = parents.length > 0 && random() < REPLY_SHARE ? parents[Math.floor(random() * parents.length)]! : undefined;
    return {
      actionId,
      args: [{ articleId: options.articleId, ...(parentId === undefined ? {} : { parentId }), body }],
      cookie: reader.cookie,
      acknowledge: (result) => ({ commentId: (result as { comment: { id: number } }).comment.id, authorId: reader.userId, body, at: Date.now() }),
    };
  });
}
