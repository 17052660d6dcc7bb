// Reading threads page by page and by subtree, against the seed thread and a 3,000-comment synthetic one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertArticleWithThread } from '@/lib/ops/seed/insert-article-with-thread';
import { findArticleBySlug, listArticles } from '@/lib/queries/articles';
import { readCommentSubtree, readThreadPage } from '@/lib/queries/thread';
import { generateSyntheticThread } from '@/lib/ops/synthetic/generate-thread';
import type { CommentView, ThreadPage } from '@/lib/shared/thread/types';
import { expectThread } from '@/tests/support/expected-thread';
import { onlyWithPrefix } from '@/tests/support/seed-captures';
import { seedDemo } from '@/tests/support/seeded-demo';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

const SEED_SLUG = 'from-pyongyang-with-love-autocracies-befriend-autocracies';
const SYNTHETIC_SLUG = 'synthetic-three-thousand';
const synthetic = generateSyntheticThread({ comments: 3_000, slug: SYNTHETIC_SLUG, seed: 7 });
const expected = expectThread(synthetic.thread);
/** Generated comments are 3 s apart, so a comment's time names its place in the generated list. */
const indexByTime = new Map(synthetic.thread.map((comment, index) => [comment.createdAt, index]));
const indicesOf = (views: readonly CommentView[]) => views.map((view) => indexByTime.get(view.createdAt)!);

let temp: TempDb;
let seedArticleId: number;
let articleId: number;

beforeAll(() => {
  temp = createTempDb();
  // The seed goes in first, so the synthetic thread's ids do not start at 1.
  seedArticleId = seedDemo(temp).articleId;
  articleId = insertArticleWithThread(temp.db, synthetic.article, synthetic.thread, 'synthetic').articleId;
});
afterAll(() => temp.cleanup());

function readAllPages(limit: number, maxDepth?: number): ThreadPage[] {
  const pages: ThreadPage[] = [];
  let after: string | undefined;
  do {
    const page = readThreadPage(temp.db, articleId, null, { after, limit, maxDepth });
    pages.push(page);
    after = page.nextCursor ?? undefined;
    if (pages.length > expected.roots.length) throw new Error('nextCursor never ends');
  } while (after !== undefined);
  return pages;
}

function expectFullReplyCounts(views: readonly CommentView[]) {
  for (const view of views) {
    const index = indexByTime.get(view.createdAt)!;
    if (view.replyCount !== expected.descendants[index]) {
      expect.fail(`comment ${view.id} (depth ${view.depth}) has replyCount ${view.replyCount}, expected ${expected.descendants[index]}`);
    }
  }
}

describe('readThreadPage', () => {
  it('gives `limit` top-level comments, each followed by its whole subtree in display order', () => {
    const page = readThreadPage(temp.db, articleId, null, { limit: 25 });
    expect(page.comments.filter((c) => c.depth === 0)).toHaveLength(25);
    const end = expected.displayOrder.indexOf(expected.roots[25]!);
    expect(indicesOf(page.comments)).toEqual(expected.displayOrder.slice(0, end));
    expect(page.nextCursor).not.toBeNull();
    expect(page.comments.every((c) => c.body !== null && c.status === 'visible' && !c.imported)).toBe(true);
  });

  it('visits every comment exactly once by following nextCursor', () => {
    const pages = readAllPages(40);
    expect(pages).toHaveLength(Math.ceil(expected.roots.length / 40));
    expect(pages.slice(0, -1).every((page) => page.nextCursor !== null)).toBe(true);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    const comments = pages.flatMap((page) => page.comments);
    expect(new Set(comments.map((c) => c.id)).size).toBe(synthetic.thread.length);
    expect(indicesOf(comments)).toEqual(expected.displayOrder);
    expectFullReplyCounts(comments);
  });

  it('stops at maxDepth but still counts the replies it did not send', () => {
    const comments = readAllPages(50, 3).flatMap((page) => page.comments);
    expect(Math.max(...comments.map((c) => c.depth))).toBe(3);
    expect(indicesOf(comments)).toEqual(expected.displayOrder.filter((index) => expected.depth[index]! <= 3));
    // The cut must have left something out for the counts at depth 3 to mean anything.
    expect(comments.some((c) => c.depth === 3 && c.replyCount > 0)).toBe(true);
    expectFullReplyCounts(comments);
  });

  it('returns nothing after the last page', () => {
    const pages = readAllPages(200);
    const lastTopLevel = pages.at(-1)!.comments.filter((c) => c.depth === 0).at(-1)!;
    const lastPath = temp.db.$client.prepare('SELECT path FROM comments WHERE id = ?').pluck().get(lastTopLevel.id) as string;
    expect(readThreadPage(temp.db, articleId, null, { after: lastPath })).toEqual({ comments: [], nextCursor: null });
  });
});

describe('readCommentSubtree', () => {
  // A comment with replies at least two levels below it, deep enough to have several ancestors.
  const focus = expected.displayOrder.find(
    (index) => expected.depth[index]! >= 3 && synthetic.thread.some((c) => c.parentIndex !== null && synthetic.thread[c.parentIndex]!.parentIndex === index),
  )!;
  const idOf = (index: number) =>
    temp.db.$client.prepare('SELECT id FROM comments WHERE article_id = ? AND created_at = ?').pluck().get(articleId, synthetic.thread[index]!.createdAt) as number;

  it('returns the ancestors root first and the whole focused subtree', () => {
    const subtree = readCommentSubtree(temp.db, articleId, null, idOf(focus), 100)!;
    expect(indicesOf(subtree.ancestors)).toEqual(expected.ancestors(focus));
    const start = expected.displayOrder.indexOf(focus);
    expect(indicesOf(subtree.comments)).toEqual(expected.displayOrder.slice(start, start + 1 + expected.descendants[focus]!));
    expectFullReplyCounts([...subtree.ancestors, ...subtree.comments]);
  });

  it('cuts the subtree levelsBelow under the focus, keeping full counts', () => {
    const subtree = readCommentSubtree(temp.db, articleId, null, idOf(focus), 1)!;
    const children = synthetic.thread.flatMap((c, index) => (c.parentIndex === focus ? [index] : []));
    expect(indicesOf(subtree.comments)).toEqual([focus, ...children]);
    expect(subtree.comments[0]!.replyCount).toBe(expected.descendants[focus]);
    expectFullReplyCounts(subtree.comments);
  });

  it('finds nothing for a comment of another article', () => {
    expect(readCommentSubtree(temp.db, seedArticleId, null, idOf(focus), 1)).toBeNull();
  });
});

describe('the seed thread as a reader gets it', () => {
  it('sends the placeholder without a body or a name, and the imported comments with theirs', () => {
    const page = readThreadPage(temp.db, seedArticleId, null);
    expect(page.comments).toHaveLength(22);
    expect(page.nextCursor).toBeNull();
    const placeholders = page.comments.filter((c) => c.status === 'unavailable');
    expect(placeholders).toHaveLength(1);
    expect(placeholders[0]).toMatchObject({ body: null, authorName: null, depth: 2, replyCount: 1 });
    const meh = onlyWithPrefix(page.comments, 'Meh. Who knows.');
    expect(meh.parentId).toBe(placeholders[0]!.id);
    expect(page.comments.every((c) => c.imported && c.authorName === (c.status === 'visible' ? 'Anonymous reader' : null))).toBe(true);
  });
});

describe('article queries', () => {
  it('lists both articles, newest first, with their comment counts', () => {
    expect(listArticles(temp.db)).toEqual([
      { id: articleId, slug: SYNTHETIC_SLUG, title: synthetic.article.title, publishedOn: '2026-01-01', commentCount: 3_000 },
      {
        id: seedArticleId, slug: SEED_SLUG, title: 'From Pyongyang with Love—Autocracies Befriend Autocracies',
        publishedOn: '2018-12', commentCount: 21,
      },
    ]);
  });

  it('finds an article by slug, without counting the placeholder', () => {
    const article = findArticleBySlug(temp.db, SEED_SLUG)!;
    expect(article).toMatchObject({ id: seedArticleId, commentCount: 21, photoCredit: 'Photo: Noticias Barquisimeto retrieved' });
    expect(article.paragraphs).toHaveLength(16);
    expect(article.paragraphs.at(-1)).toBe('A transition already well underway and that would make Kim Il-Sung proud.');
    expect(findArticleBySlug(temp.db, 'no-such-article')).toBeNull();
  });
});
